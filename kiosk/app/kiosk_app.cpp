#include "kiosk_app.h"

#include "config_reloader.h"
#include "control_server.h"
#include "core/clock.h"
#include "core/config_change.h"
#include "core/control_protocol.h"
#include "core/rotation.h"
#include "core/language_config.h"
#include "core/patient_session.h"
#include "core/pin_lock.h"
#include "core/swipe_gesture.h"
#include "core/player.h"
#include "core/print_ledger.h"
#include "core/slip.h"
#include "core/startup_timing.h"
#include "core/staff_flow.h"
#include "core/touch_panel.h"
#include "core/usage_log.h"
#include "core/wiping_allocator.h"
#include "deck_reloader.h"
#include "display_loss.h"
#include "fonts.h"
#include "large_text_painter.h"
#include "patient_aids.h"
#include "pointer_input.h"
#include "print/cups_job_files.h"
#include "rotated_frame.h"
#include "screen_schedule.h"
#include "screen_updates.h"
#include "print/print_worker.h"
#include "sdl_ptrs.h"
#include "sdl_session.h"
#include "service_notifier.h"
#include "renderer_choice.h"
#include "slide_renderer.h"
#include "staff_screens.h"
#include "status_snapshot.h"
#include "status_writer.h"
#include "ui_layer.h"
#include "x11_window_manager.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <future>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

namespace {

// Set by SIGTERM/SIGINT (systemd stopping the service, Ctrl+C in a terminal). The loop never
// waits longer than kMaxSleep, so it notices within that time without signal-unsafe calls.
std::atomic<bool> g_stop_requested{false};
constexpr auto kMaxSleep = std::chrono::milliseconds(500);
// While something moves (a fade, a press), frames start this far apart: 60 a second, a display's
// refresh; more would never be seen.
constexpr auto kFrame = std::chrono::microseconds(16667);

extern "C" void on_stop_signal(int) { g_stop_requested.store(true); }

// Set by SIGHUP ("reload", as daemons do: `systemctl reload`, `kill -HUP`): kiosk.toml and the
// slides are read again. Only the flag is set here (a lock-free atomic is async-signal-safe); the loop does the reload.
std::atomic<bool> g_reload_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);
extern "C" void on_reload_signal(int) { g_reload_requested.store(true); }

UsageEvent usage_for(PanelEvent e, bool& count) {
    count = true;
    switch (e) {
        case PanelEvent::Opened: return UsageEvent::ButtonOpened;
        case PanelEvent::SlipPrinted: return UsageEvent::SlipPrinted;
        case PanelEvent::CallbackPrinted: return UsageEvent::CallbackPrinted;
        case PanelEvent::ChoseShow: return UsageEvent::NumberShown;
        default: count = false; return UsageEvent::ButtonOpened;
    }
}

// What status.json last said, checked on every loop iteration (60 times a second during a fade):
// compared member by member, with no string built for it. The slide is known by its address, which
// a reload changes (and the reload time changes with it).
struct PublishedStatus {
    const void* slide = nullptr;
    bool paused = false;
    bool screen_on = true;
    std::string power;  // "on", "standby", ...: short enough to stay in the string itself
    std::optional<PrinterState> printer;
    std::optional<PrinterState> desk_printer;
    std::uint64_t print_problems = 0;  // how often the last print problem changed (not its text)
    WallTime::rep reload = 0;
    bool operator==(const PublishedStatus&) const = default;
};

class KioskApp {
public:
    KioskApp(const KioskAppOptions& options, std::ostream& log, StartupTiming startup)
        : options_(options),
          config_(std::make_shared<const KioskConfig>(options.config)),
          log_(log),
          startup_(std::move(startup)) {}
    int run();

private:
    bool open_window();
    void handle_event(const SDL_Event& e);
    void handle_intent(const PanelIntent& intent);
    void apply_panel_effects(PanelEffects effects);
    [[nodiscard]] std::uint32_t next_slip_number();
    void apply_staff_effect(StaffEffect effect);
    void apply_pointer_to_staff(const PointerEvent& p);
    // What SIGHUP does: read the slides again now. Extend here to re-read more (e.g. kiosk.toml).
    void on_reload_requested();
    void draw();
    void take_config_update();
    void apply_config(std::shared_ptr<const KioskConfig> next);
    void set_screen_size(int out_w, int out_h);
    void build_staff();
    void build_usage_log();
    [[nodiscard]] bool ui_layer_ok();
    [[nodiscard]] std::chrono::milliseconds time_to_next_wake() const;
    void start_appliance_parts();
    bool stay_dark();
    void publish_status(bool running = true);
    // The patient's language and browsing (patient_session.h); kiosk_app_patient.cpp.
    [[nodiscard]] const KioskConfig& shown() const { return shown_ ? *shown_ : *config_; }
    void build_patient_session();
    void show_language();
    void on_patient_pointer(const PointerEvent& p);
    void on_patient_control(PatientControl c);
    void expire_patient_session();
    [[nodiscard]] PlayerFrame localized_frame() const;
    [[nodiscard]] PatientControlsLayout patient_controls() const;
    void build_large_text_painter();
    [[nodiscard]] std::vector<TextPage> large_pages(const PlayerFrame& f);
    [[nodiscard]] PatientControlsWanted patient_controls_wanted() const;
    // Both printers' last known states to the patient panel (each decides about its own slips).
    void show_printers_to_panel();

    const KioskAppOptions& options_;
    // The settings in use: an immutable snapshot, replaced between frames when kiosk.toml changes.
    // Subsystems that keep a reference to it (painter, UI layer) are rebuilt with each new one.
    std::shared_ptr<const KioskConfig> config_;
    std::shared_ptr<const KioskConfig> pending_config_;  // waits while a patient or staff panel is open
    std::string settings_problem_;  // the last reload's first error, for the staff panel
    std::ostream& log_;
    SystemClock clock_;
    int w_ = 0, h_ = 0;          // the layout's size: the screen's, turned by [display] rotate
    int out_w_ = 0, out_h_ = 0;  // the screen as mounted (renderer output)
    sdl::Window window_;
    sdl::Renderer renderer_;
    std::optional<ScreenUpdates> updates_;  // what the screen still shows: frames drawn in parts
    RotatedFrame rotated_;
    std::optional<FontSet> fonts_;
    std::unique_ptr<SlideRenderer> painter_;
    std::unique_ptr<PatientAids> aids_;                // Read aloud, A+
    std::unique_ptr<LargeTextPainter> large_painter_;  // the A+ view
    std::unique_ptr<UiLayer> ui_;
    std::unique_ptr<DeckReloader> decks_;
    std::unique_ptr<ConfigReloader> config_reloader_;
    std::unique_ptr<Player> player_;
    std::unique_ptr<TouchPanel> panel_;
    std::unique_ptr<PrintWorker> printer_;
    std::unique_ptr<PinLock> pin_lock_;
    std::unique_ptr<StaffFlow> staff_;
    std::unique_ptr<UsageLog> usage_;
    PointerInput pointer_;
    StaffPanelModel staff_model_;
    StaffView drawn_staff_;  // as last drawn
    PanelScreen drawn_panel_screen_ = PanelScreen::Closed;
    Uint32 wake_event_ = 0;
    bool dirty_ = true;
    bool running_ = true;
    int shown_minute_ = -1;
    std::uint64_t slides_counted_ = 0;
    TestPrintRound test_print_;       // staff's test print: one slip on each printer there is
    LastPrintProblem print_problem_;  // the last slip that failed, for status.json and the panel
    int slip_day_ = 0;
    std::uint32_t slips_today_ = 0;
    SteadyTime last_frame_{};
    ServiceNotifier service_{clock_};  // systemd: READY=1, WATCHDOG=1 from this loop, STOPPING=1
    int exit_code_ = 0;
    // The appliance parts: display schedule, status file, control socket (screenshots).
    std::unique_ptr<ScreenSchedule> screen_;
    std::unique_ptr<StatusWriter> status_;
    std::unique_ptr<ControlServer> control_;
    WallTime started_{};
    std::optional<WallTime> last_reload_;
    SteadyTime last_status_{};
    PublishedStatus published_;       // what was published last, to publish again on a change
    bool paused_by_schedule_ = false;
    bool dark_drawn_ = false;
    std::string status_problem_;
    std::unique_ptr<PatientSession> session_;
    SwipeGesture swipe_;
    std::shared_ptr<const KioskConfig> shown_;  // config_ in the patient's language; null: the default
    bool language_touched_ = false;  // switched after the frame: the UI layer is rebuilt for it
    // Until the first frame is presented: then its line is logged and the deck loader may decode
    // the pictures the first deck put off.
    std::optional<StartupTiming> startup_;
    bool first_deck_partial_ = false;  // the start-up deck on screen, its other slides still decoding
    void on_frame_presented();
};

bool KioskApp::open_window() {
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    Uint32 flags = SDL_WINDOW_SHOWN;
    int w = options_.width, h = options_.height;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    if (options_.windowed) {
        if (w == 0) { w = 1280; h = 720; }
    } else {
        flags |= SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode mode{};
        if (w == 0 && SDL_GetDesktopDisplayMode(0, &mode) == 0) { w = mode.w; h = mode.h; }
        if (w == 0) { w = 1920; h = 1080; }
        // On a bare X server (no window manager to ask) the screen-sized window at 0,0 is the
        // whole screen, and SDL's fullscreen would only wait 100 ms for an answer that never comes.
        const char* driver = SDL_GetCurrentVideoDriver();
        if (driver && std::string_view(driver) == "x11" && options_.width == 0 && !x11_has_window_manager()) {
            x = y = 0;
            log_ << "kiosk: no window manager on this X display: a borderless " << w << "x" << h
                 << " window at 0,0 covers the screen\n";
        } else {
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        }
    }
    window_.reset(SDL_CreateWindow(config_->clinic.name.c_str(), x, y, w, h, flags));
    if (!window_) {
        log_ << "kiosk: cannot open a window: " << SDL_GetError() << '\n';
        return false;
    }
    // A GPU when the box has a real one that draws right, else software; one log line says which.
    RendererChoice choice = create_kiosk_renderer(window_.get());
    log_ << choice.log_line << '\n';
    renderer_ = std::move(choice.renderer);
    if (!renderer_) return false;
    updates_.emplace(window_.get(), renderer_.get());
    SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
    set_screen_size(w, h);
    SDL_ShowCursor(SDL_DISABLE);  // a touchscreen has no pointer to show
    return true;
}

int KioskApp::run() {
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGHUP, on_reload_signal);
    if (!open_window()) return 1;
    startup_->step("window", clock_.steady());
    wake_event_ = SDL_RegisterEvents(1);
    // The first deck (its text and only its first picture; the loader decodes the rest after the
    // first frame) loads on a second core while the fonts open here: neither needs the other.
    auto first_deck = std::async(std::launch::async, [this] {
        return std::make_unique<DeckReloader>(options_.slides, config_, wake_event_, w_, h_, true);
    });
    std::string error;
    fonts_ = FontSet::open(config_->theme.font_family, &error);
    if (!fonts_) {
        log_ << "kiosk: " << error << '\n';
        return 1;
    }
    if (!fonts_->files().fallback_note.empty()) log_ << "kiosk: warning: " << fonts_->files().fallback_note << '\n';
    painter_ = std::make_unique<SlideRenderer>(renderer_.get(), *fonts_, *config_);
    if (!ui_layer_ok()) return 1;
    startup_->step("fonts", clock_.steady());
    decks_ = first_deck.get();
    startup_->step("deck", clock_.steady());  // what the deck took longer than the fonts
    if (!options_.config_file.empty()) {
        config_reloader_ = std::make_unique<ConfigReloader>(options_.config_file, config_, options_.adjust_config, wake_event_);
    }
    player_ = std::make_unique<Player>(clock_, config_->player);
    const auto first = decks_->take_new_deck();
    for (const auto& d : first->all_diagnostics()) log_ << d.to_string() << '\n';
    log_ << "kiosk: " << first->slides.size() << " slides from " << options_.slides.string()
         << (decks_->holding_back() ? " (more once their pictures are decoded)" : "") << ", screen " << w_ << "×" << h_
         << '\n';
    player_->set_deck(first);
    first_deck_partial_ = decks_->holding_back();
    last_reload_ = clock_.wall();
    panel_ = std::make_unique<TouchPanel>(clock_, *config_);
    aids_ = std::make_unique<PatientAids>(clock_, *config_, wake_event_, log_);
    build_patient_session();  // before the painters: the controls' room depends on the languages
    build_large_text_painter();
    printer_ = make_print_worker(*config_);
    if (const auto w = cups_job_files_warning(config_->printer.uri)) log_ << "kiosk: warning: " << *w << '\n';
    build_staff();
    build_usage_log();
    last_frame_ = clock_.steady();
    start_appliance_parts();
    startup_->step("other parts", clock_.steady());

    while (running_ && !g_stop_requested.load()) {
        service_.tick();
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, static_cast<int>(time_to_next_wake().count()))) {
            handle_event(e);
            while (SDL_PollEvent(&e)) handle_event(e);
        }
        if (g_reload_requested.exchange(false)) on_reload_requested();
        take_config_update();
        if (auto deck = decks_->take_new_deck()) {
            player_->set_deck(std::move(deck));
            first_deck_partial_ = decks_->holding_back();  // true only while the folder is gone
            last_reload_ = clock_.wall();
            dirty_ = true;
        }
        if (control_) control_->set_private(panel_->is_open() || staff_->view().state != StaffState::Closed);
        if (control_ && control_->take_test_print()) {  // asked by the staff web page
            if (printer_) apply_staff_effect(StaffEffect::TestPrint);
            else control_->test_print_done(false, "no printer is set up in kiosk.toml");
        }
        if (printer_) {
            show_printers_to_panel();
            for (const JobResult& r : printer_->take_results()) {
                // Staff read which printer it was ("Desk printer: out of paper (…)"); patients keep
                // the panel's own sentences (on_job_result looks at the outcome only).
                const std::string message = job_message(r);
                print_problem_.note(r, clock_.wall());
                if (test_print_.owns(r.job_id)) {
                    if (const auto answer = test_print_.on_result(r)) {
                        staff_model_.last_test_print = answer->summary;
                        if (control_) control_->test_print_done(true, answer->lines);
                    }
                } else {
                    apply_panel_effects(panel_->on_job_result(r));
                }
                log_ << "kiosk: print job " << r.job_id << ": " << message << '\n';
                dirty_ = true;
            }
        }
        apply_panel_effects(panel_->tick());
        expire_patient_session();
        // The panel may change screens with no effect (a printer check answered): draw it.
        if (panel_->view().screen != drawn_panel_screen_) dirty_ = true;
        apply_staff_effect(staff_->tick());
        // tick() changes what staff see without an effect: the hold completing (keypad appears
        // while the finger is still down), Exit disarming, the lockout counting down.
        if (const StaffView v = staff_->view(); v.state != drawn_staff_.state || v.exit_armed != drawn_staff_.exit_armed ||
                                               v.message != drawn_staff_.message ||
                                               (v.state != StaffState::Closed &&
                                                v.seconds_until_unlock != drawn_staff_.seconds_until_unlock))
            dirty_ = true;
        if (player_->update()) dirty_ = true;
        if (const PlayerFrame f = localized_frame(); aids_->update(*player_, f, panel_->is_open(), large_pages(f))) dirty_ = true;
        if (player_->slides_started() != slides_counted_) {
            slides_counted_ = player_->slides_started();
            if (const auto f = player_->frame(); f.current) usage_->record(UsageEvent::SlideShown, f.current->file_name);
        }
        if (const int minute = to_local(clock_.wall()).minute; minute != shown_minute_) {
            shown_minute_ = minute;  // the footer clock
            dirty_ = true;
        }
        publish_status();
        if (stay_dark()) continue;
        if (dirty_ || pointer_.pending() || ui_->wants_another_frame() || player_->in_transition()) draw();
    }
    log_ << "kiosk: stopping\n";
    publish_status(false);
    return exit_code_;
}

void KioskApp::build_staff() {
    staff_.reset();  // it refers to the lock
    pin_lock_ = std::make_unique<PinLock>(clock_, config_->staff, config_->system.state_dir);
    if (!pin_lock_->start_note().empty()) log_ << "kiosk: staff PIN: " << pin_lock_->start_note() << '\n';
    StaffFlowOptions staff_options;
    staff_options.corner_size_px = static_cast<float>(std::min(w_, h_)) * 0.12f;
    staff_options.idle_timeout = std::chrono::duration<double>(config_->player.idle_timeout_seconds);
    staff_ = std::make_unique<StaffFlow>(clock_, *pin_lock_, staff_options);
}

void KioskApp::build_usage_log() {
    usage_ = std::make_unique<UsageLog>(clock_, config_->staff.stats_file);
    if (!usage_->warning().empty()) log_ << "kiosk: warning: " << usage_->warning() << '\n';
}

bool KioskApp::ui_layer_ok() {
    ui_.reset();  // one ImGui context at a time
    ui_ = std::make_unique<UiLayer>(renderer_.get(), shown(), *fonts_, w_, h_);
    if (ui_->ok()) return true;
    log_ << "kiosk: " << ui_->error() << '\n';
    return false;
}

// The layout is made for the screen turned by [display] rotate, and touches are turned back.
void KioskApp::set_screen_size(int out_w, int out_h) {
    out_w_ = out_w;
    out_h_ = out_h;
    std::string error;
    const LogicalSize size = rotated_.configure(renderer_.get(), config_->display.rotate, out_w, out_h, &error);
    if (!error.empty()) log_ << "kiosk: " << error << '\n';
    w_ = size.w;
    h_ = size.h;
    pointer_.set_rotation(rotated_.degrees());
    if (decks_) decks_->set_screen_size(w_, h_);  // pictures are decoded for the shown (logical) size
}

// A new kiosk.toml snapshot is applied between frames, but only while nobody is using a panel:
// a patient halfway through typing their number must not see the screen rebuilt under their
// finger (and the panel's keyed data lives in the panel being replaced). A panel closes by itself
// after the idle timeout, so an edit waits at most that long.
void KioskApp::take_config_update() {
    if (config_reloader_) {
        if (auto update = config_reloader_->take_update()) {
            settings_problem_.clear();
            for (const auto& d : update->diagnostics) {
                log_ << d.to_string() << '\n';
                if (d.severity == Severity::Error && settings_problem_.empty()) settings_problem_ = d.to_string();
            }
            if (update->config) {
                pending_config_ = std::move(update->config);
            } else {
                log_ << "kiosk: " << config_reloader_->file().string() << ": no setting changed\n";
            }
        }
    }
    if (pending_config_ && !panel_->is_open() && staff_->view().state == StaffState::Closed) {
        apply_config(std::move(pending_config_));
        pending_config_.reset();
    }
}

void KioskApp::apply_config(std::shared_ptr<const KioskConfig> next) {
    const std::shared_ptr<const KioskConfig> old = config_;  // alive until everything is rebuilt
    const ConfigChange change = config_change(*old, *next);
    if (change.fonts) {
        std::string error;
        if (auto fonts = FontSet::open(next->theme.font_family, &error)) {
            painter_.reset();  // they refer to the old fonts
            ui_.reset();
            fonts_ = std::move(fonts);
        } else {
            log_ << "kiosk: " << error << " (keeping the fonts in use)\n";
        }
    }
    config_ = std::move(next);
    const std::shared_ptr<const KioskConfig> old_shown = std::move(shown_);  // the default language again
    const KioskConfig& now = *config_;
    painter_ = std::make_unique<SlideRenderer>(renderer_.get(), *fonts_, now);
    aids_->set_config(now);
    build_large_text_painter();
    if (change.layout) set_screen_size(out_w_, out_h_);
    if (!ui_layer_ok()) {
        running_ = false;
        return;
    }
    if (change.player) player_->set_config(now.player);
    if (change.deck) decks_->set_config(config_);
    panel_ = std::make_unique<TouchPanel>(clock_, now);
    // The print worker holds the connection and the printer's last known state: kept unless
    // [printer] itself changed.
    if (change.printer || old->desk_printer != now.desk_printer) {
        printer_.reset();
        test_print_.abandon();
        print_problem_.clear();
        printer_ = make_print_worker(now);
    }
    show_printers_to_panel();
    if (change.staff) build_staff();
    if (change.usage_log) build_usage_log();
    build_patient_session();
    if (old->display_schedule != now.display_schedule) screen_->set_config(now.display_schedule);
    // The status writer is shared with the control socket's thread, so it is not swapped live.
    if (old->status != now.status || old->system != now.system)
        log_ << "kiosk: [kiosk] state_dir and [status] take effect when the kiosk restarts\n";
    SDL_SetWindowTitle(window_.get(), now.clinic.name.c_str());
    log_ << "kiosk: settings reloaded from " << config_reloader_->file().string() << '\n';
    dirty_ = true;
}

std::chrono::milliseconds KioskApp::time_to_next_wake() const {
    if (!screen_->on()) {
        // Dark: no frames, only the schedule, a touch or a request wakes the loop (~0 % CPU).
        const SteadyTime now = clock_.steady();
        SteadyTime wake = now + kMaxSleep;
        for (const auto& d : {screen_->next_deadline(), service_.next_deadline()}) {
            if (d && *d < wake) wake = *d;
        }
        return std::max(std::chrono::duration_cast<std::chrono::milliseconds>(wake - now), std::chrono::milliseconds(1));
    }
    const SteadyTime now = clock_.steady();
    if (dirty_ || pointer_.pending() || ui_->wants_another_frame() || player_->in_transition()) {
        // Paced from the start of the last frame, not its end: the time a frame took to draw (or
        // waited for a busy CPU) is not added to the gap, so a fade keeps its frame rate. An event
        // (a touch) ends the wait at once.
        const auto due = std::chrono::ceil<std::chrono::milliseconds>(last_frame_ + kFrame - now);
        return std::clamp(due, std::chrono::milliseconds(1), std::chrono::ceil<std::chrono::milliseconds>(kFrame));
    }
    SteadyTime wake = now + kMaxSleep;
    for (const auto& d : {player_->next_deadline(), panel_->next_deadline(), screen_->next_deadline(),
                          service_.next_deadline(), session_->next_deadline()}) {
        if (d && *d < wake) wake = *d;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - now);
    return std::max(ms, std::chrono::milliseconds(1));
}

void KioskApp::handle_event(const SDL_Event& e) {
    if (e.type == wake_event_) return;  // a deck, settings or a screenshot request: picked up after the events
    if (screen_->swallow(e)) return;    // a touch on the dark screen only wakes it
    if (pointer_.handle(e, out_w_, out_h_)) {
        dirty_ = true;
        return;
    }
    switch (e.type) {
        case SDL_QUIT:
            if (std::string lost; display_connection_lost(window_.get(), lost)) {
                log_ << "kiosk: " << lost << "; exiting with code " << kExitDisplayLost << " so that it is restarted\n";
                exit_code_ = kExitDisplayLost;
                running_ = false;
                break;
            }
            // Window-close requests and Alt+F4 must not end the kiosk; only staff or the service can.
            log_ << "kiosk: ignoring a request to close the window (use the staff panel)\n";
            break;
        case SDL_WINDOWEVENT:
            updates_->forget();  // exposed, resized, shown: draw it all again
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_RESIZED) {
                int w = 0, h = 0;
                SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
                if (w != out_w_ || h != out_h_) {
                    set_screen_size(w, h);
                    painter_->clear_caches();
                    running_ = ui_layer_ok();
                }
            }
            dirty_ = true;
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            updates_->forget();
            painter_->clear_caches();
            dirty_ = true;
            break;
        default: break;
    }
}

// Slip numbers restart each morning, so the desk can match "No. 7" to today's slips.
std::uint32_t KioskApp::next_slip_number() {
    const LocalTime now = to_local(clock_.wall());
    const int day = now.year * 400 + now.month * 32 + now.day;
    if (day != slip_day_) {
        slip_day_ = day;
        slips_today_ = 0;
    }
    return ++slips_today_;
}

// Every handled intent marks the frame dirty, whatever the panel answers: a key or a field switch
// changes the view with no effect, and it arrived during a draw that already showed the old view.
void KioskApp::handle_intent(const PanelIntent& intent) {
    dirty_ = true;
    apply_panel_effects(panel_->handle(intent));
}

void KioskApp::apply_panel_effects(PanelEffects effects) {
    for (PanelEffect& effect : effects) {
        dirty_ = true;
        if (std::holds_alternative<effect::PauseLoop>(effect)) {
            player_->pause();
        } else if (std::holds_alternative<effect::ResumeLoop>(effect)) {
            if (!session_->browsing()) player_->resume();  // a browsing patient's loop resumes when idle
        } else if (auto* submit = std::get_if<effect::SubmitSlip>(&effect)) {
            SlipRequest& request = submit->request;
            request.when = clock_.wall();
            request.slip_number = next_slip_number();
            // The worker wipes the composed slip after printing; this copy of the keyed name and
            // number is wiped here, now.
            if (printer_) panel_->bind_job(printer_->submit(compose_slip(shown(), request)));
            request.wipe();
            burn_stack();  // the short-string copies made on the way (validation, composing)
        } else if (const auto* count = std::get_if<effect::CountEvent>(&effect)) {
            bool counted = false;
            const UsageEvent u = usage_for(count->kind, counted);
            if (counted) usage_->record(u);
        } else if (std::holds_alternative<effect::CheckPrinter>(effect)) {
            if (printer_) printer_->refresh_status();
        }
    }
}

void KioskApp::apply_staff_effect(StaffEffect effect) {
    switch (effect) {
        case StaffEffect::None: return;
        case StaffEffect::PanelOpened:
            if (printer_) printer_->refresh_status();
            break;
        case StaffEffect::Pause: player_->pause(); break;
        case StaffEffect::Resume: player_->resume(); break;
        case StaffEffect::PreviousSlide: player_->previous(); break;
        case StaffEffect::NextSlide: player_->next(); break;
        case StaffEffect::ReloadDeck: decks_->reload_now(); break;
        case StaffEffect::TestPrint:
            // One test slip on each printer there is (the waiting room's, then the desk's), so a
            // desk-only kiosk tests its desk printer and a kiosk with both tests both in one touch.
            if (printer_ && !test_print_.in_flight()) {
                for (const PrinterRole role : {PrinterRole::WaitingRoom, PrinterRole::Desk}) {
                    if (!printer_->has(role)) continue;
                    SlipRequest request;
                    request.topic = "Test print";
                    request.when = clock_.wall();
                    request.slip_number = next_slip_number();
                    test_print_.add_job(printer_->submit_to(role, compose_test_slip(*config_, request, role)));
                }
                staff_model_.last_test_print = "printing…";
            }
            break;
        case StaffEffect::ExitKiosk:
            log_ << "kiosk: exit requested from the staff panel\n";
            running_ = false;
            break;
        case StaffEffect::PanelClosed: break;
    }
    dirty_ = true;
}

void KioskApp::on_reload_requested() {
    log_ << "kiosk: SIGHUP: reloading the slides from " << options_.slides.string()
         << (config_reloader_ ? " and the settings from " + config_reloader_->file().string() : std::string()) << '\n';
    if (config_reloader_) config_reloader_->reload_now();
    decks_->reload_now();  // the new deck arrives through take_new_deck(), like a staff edit
    dirty_ = true;
}

void KioskApp::apply_pointer_to_staff(const PointerEvent& p) {
    switch (p.kind) {
        case PointerEvent::Kind::Down: staff_->pointer_down(p.x, p.y); break;
        case PointerEvent::Kind::Move: staff_->pointer_move(p.x, p.y); break;
        case PointerEvent::Kind::Up: staff_->pointer_up(); break;
    }
}

void KioskApp::draw() {
    dirty_ = false;
    drawn_panel_screen_ = panel_->view().screen;
    const SteadyTime now = clock_.steady();
    const float dt = std::chrono::duration<float>(now - last_frame_).count();
    last_frame_ = now;
    PointerEvent p;
    if (pointer_.next(p)) {
        apply_pointer_to_staff(p);
        if (p.kind == PointerEvent::Kind::Down) {
            // PatientAids finds Read aloud in a layout of its own controls only; with the language
            // button and arrows in the real one its rect is elsewhere, so a press on it is passed at
            // the centre of PatientAids' own rect (lead: PatientAids should take the combined wanted).
            const bool on_read_aloud = control_at(patient_controls(), static_cast<int>(p.x), static_cast<int>(p.y)) ==
                                       PatientControl::ReadAloud;
            const Rect own = aids_->layout(w_, h_).read_aloud;
            if (on_read_aloud) {
                aids_->on_press(static_cast<float>(own.x + own.w / 2), static_cast<float>(own.y + own.h / 2), w_, h_);
            } else {
                aids_->on_press(p.x, p.y, w_, h_);
            }
        }
        on_patient_pointer(p);
    }

    const PlayerFrame frame = localized_frame();
    if (frame.current) panel_->set_topic(frame.current->title);
    const PatientControlsLayout controls = patient_controls();
    painter_->set_patient_controls(patient_controls_wanted());
    const Slide* shown = frame.incoming && frame.fade >= 0.5F ? frame.incoming.get() : frame.current.get();
    const bool large_text = aids_->large_text() && shown != nullptr;  // as this frame shows it

    // The buttons' frame is built first (not drawn), so the frame can be drawn in parts: only
    // what changed since the last one (screen_updates.h).
    ui_->begin_frame(dt, pointer_);
    const StaffView staff_view = staff_->view();
    drawn_staff_ = staff_view;
    if (staff_view.state != StaffState::Closed) {
        staff_model_.deck = player_->deck();
        staff_model_.current_slide = frame.current ? frame.current->file_name : std::string();
        staff_model_.paused = player_->paused();
        staff_model_.printer_configured = config_->printer.uri != "none";
        staff_model_.desk_printer_configured = config_->desk_printer.configured();
        staff_model_.last_print_problem = print_problem_.summary();
        if (printer_) staff_model_.printer = printer_->status();
        if (printer_) staff_model_.desk_printer = printer_->desk_status();
        staff_model_.folder_status = options_.slides.string() + ": " + to_string(decks_->folder_status());
        staff_model_.settings_status =
            (config_->clinic.phone_hidden ? "the clinic's phone number is hidden; set [clinic] phone. " : "") +
            settings_problem_;
        staff_model_.today = usage_->today();
        staff_model_.touches.clear();
        ui_->staff(staff_view, staff_model_);
    } else {
        std::optional<PanelIntent> intent;
        if (panel_->is_open()) {
            intent = ui_->touch_panel(panel_->view());
        } else {
            intent = ui_->touch_button(compute_regions(w_, h_, SlideLayoutKind::TextOnly, false).button);
            const std::string spoken_language = session_->is_default_language() ? std::string() : session_->language();
            if (const auto c = ui_->patient_controls(controls, aids_->view(), session_->language_button_label())) {
                aids_->on_control(*c, shown, spoken_language);
                dirty_ = true;
            }
            if (const auto c = ui_->browse_controls(controls, session_->language_button_label(), session_->arrows_visible()))
                on_patient_control(*c);
        }
        if (intent) handle_intent(*intent);
    }
    ui_->finish_frame();

    // A screenshot asks for a whole frame: what a full redraw shows (tests compare the two).
    const bool screenshot = control_ && control_->frame_wanted();
    if (screenshot) updates_->forget();
    const LocalTime wall = to_local(clock_.wall());
    const FramePlan plan = updates_->plan(*painter_, *ui_, frame, wall, w_, h_, !large_text && rotated_.degrees() == 0);
    rotated_.begin(renderer_.get());  // a turned screen: the frame is drawn at layout size first
    painter_->draw_frame(frame, wall, w_, h_, plan);
    if (large_text) large_painter_->draw(*shown, aids_->page(), w_, h_, patient_controls_wanted());
    ui_->render(plan.full ? nullptr : &plan.drawn);
    rotated_.finish(renderer_.get());
    // A screenshot is what the screen shows: read after the rotated copy, before present.
    if (screenshot) control_->deliver(read_frame(renderer_.get()));
    updates_->present(plan);
    service_.on_frame_presented(player_->deck() ? player_->deck()->slides.size() : 0, first_deck_partial_);
    on_frame_presented();
    // The next slide is painted now, while this one is static, so no fade frame waits on painting.
    if (auto upcoming = player_->upcoming()) painter_->prepare(*upcoming, w_, h_);

    for (const StaffTouch& t : staff_model_.touches) {
        switch (t.kind) {
            case StaffTouch::Kind::Digit: staff_->digit(t.digit); break;
            case StaffTouch::Kind::Backspace: staff_->backspace(); break;
            case StaffTouch::Kind::Ok: apply_staff_effect(staff_->ok()); break;
            case StaffTouch::Kind::Cancel: apply_staff_effect(staff_->cancel()); break;
            case StaffTouch::Kind::Command: apply_staff_effect(staff_->command(t.command)); break;
        }
        dirty_ = true;
    }
    staff_model_.touches.clear();
    if (language_touched_) {
        language_touched_ = false;
        session_->switch_language();
        show_language();
    }
}

// The A+ painter and the slides' room for the controls follow the settings and fonts in use.
void KioskApp::build_large_text_painter() {
    painter_->set_patient_controls(patient_controls_wanted());
    large_painter_ = std::make_unique<LargeTextPainter>(renderer_.get(), *fonts_, shown());
}

std::vector<TextPage> KioskApp::large_pages(const PlayerFrame& f) {
    const Slide* shown = f.incoming && f.fade >= 0.5F ? f.incoming.get() : f.current.get();
    if (!aids_->large_text() || shown == nullptr) return {};
    return large_painter_->pages(*shown, w_, h_, patient_controls_wanted());
}

void KioskApp::start_appliance_parts() {
    started_ = clock_.wall();
    screen_ = std::make_unique<ScreenSchedule>(clock_, config_->display_schedule, log_);
    const std::filesystem::path state_dir = config_->system.state_dir;
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);  // the package makes it; a developer run may not have it
    status_ = std::make_unique<StatusWriter>(state_dir, config_->status.prometheus_dir);
    control_ = std::make_unique<ControlServer>(state_dir / control::kSocketName, wake_event_,
                                               [this] { return status_->latest_json(); });
    if (!control_->ok()) log_ << "kiosk: warning: no control socket (kiosk screenshot will not work): " << control_->error() << '\n';
    if (!screen_->on()) {
        player_->pause();
        paused_by_schedule_ = true;
    }
}

void KioskApp::on_frame_presented() {
    if (!startup_) return;
    startup_->step("first frame", clock_.steady());
    log_ << "kiosk: " << startup_->line() << '\n';
    startup_.reset();
    decks_->start_background();
}

// Outside the display schedule: pause the loop where it is, show black once, draw nothing more.
// Returns true while dark.
bool KioskApp::stay_dark() {
    if (screen_->update()) {
        publish_status();
        if (screen_->on()) {
            if (paused_by_schedule_) player_->resume();
            paused_by_schedule_ = false;
            dirty_ = true;
        } else {
            if (!player_->paused()) {
                player_->pause();
                paused_by_schedule_ = true;
            }
            dark_drawn_ = false;
        }
    }
    if (screen_->on()) {
        if (control_ && control_->frame_wanted()) dirty_ = true;  // a screenshot is waiting for the next frame
        return false;
    }
    const bool capture = control_ && control_->frame_wanted();
    if (!dark_drawn_ || capture) {
        ScreenSchedule::draw_dark(renderer_.get());
        updates_->forget();
        if (capture) control_->deliver(read_frame(renderer_.get()));
        SDL_RenderPresent(renderer_.get());
        dark_drawn_ = true;
        on_frame_presented();
    }
    dirty_ = false;  // the footer clock and the rest wait for the morning
    return true;
}

// status.json at least every 30 s (kiosk status calls it stale after 2 minutes), and at once when
// something a person would look for changed.
void KioskApp::publish_status(bool running) {
    const SteadyTime now = clock_.steady();
    const PlayerFrame f = player_->frame();
    PublishedStatus seen{f.current.get(),
                         player_->paused(),
                         screen_->on(),
                         screen_->power_state(),
                         printer_ ? std::optional(printer_->status().state) : std::nullopt,
                         printer_ ? std::optional(printer_->desk_status().state) : std::nullopt,
                         print_problem_.changes(),
                         last_reload_ ? last_reload_->time_since_epoch().count() : 0};
    if (running && seen == published_ && now - last_status_ < std::chrono::seconds(30)) return;
    published_ = std::move(seen);
    last_status_ = now;
    KioskStatus st = snapshot_status({*player_, *decks_, printer_.get(), *usage_, *screen_, options_.slides, started_,
                                      last_reload_, print_problem_.message(), print_problem_.at()},
                                     clock_.wall());
    st.running = running;
    status_->publish(std::move(st));
    if (const std::string p = status_->problem(); !p.empty() && p != status_problem_) log_ << "kiosk: warning: " << p << '\n';
    status_problem_ = status_->problem();
}

// ---- One patient's language and browsing (patient_session.h, swipe_gesture.h) ----

void KioskApp::build_patient_session() {
    if (session_ && session_->browsing()) player_->resume();
    session_ = std::make_unique<PatientSession>(clock_, config_->languages,
                                                std::chrono::duration<double>(config_->player.idle_timeout_seconds));
    swipe_.cancel();
    language_touched_ = false;
}

// The slides, panel, slip and button label in the session's language: the parts that hold the
// settings are rebuilt with a copy whose [text] is that language's.
void KioskApp::show_language() {
    const std::shared_ptr<const KioskConfig> old = std::move(shown_);  // alive until all is rebuilt
    if (!session_->is_default_language()) {
        shown_ = std::make_shared<const KioskConfig>(localized(*config_, session_->language()));
    }
    painter_ = std::make_unique<SlideRenderer>(renderer_.get(), *fonts_, shown());
    build_large_text_painter();
    if (!ui_layer_ok()) running_ = false;
    panel_ = std::make_unique<TouchPanel>(clock_, shown());
    show_printers_to_panel();
    log_ << "kiosk: a patient chose " << session_->language() << '\n';
    dirty_ = true;
}

// Touches on the slide screen (panels closed): the idle time, and swipes to browse. A drag hides
// the pointer from the buttons, so a swipe never presses the main button.
void KioskApp::on_patient_pointer(const PointerEvent& p) {
    if (panel_->is_open() || staff_->view().state != StaffState::Closed) {
        swipe_.cancel();
        return;
    }
    switch (p.kind) {
        case PointerEvent::Kind::Down:
            session_->touched();
            swipe_.set_thresholds(swipe_thresholds_for(w_, h_));
            swipe_.down(p.x, p.y);
            break;
        case PointerEvent::Kind::Move: swipe_.move(p.x, p.y); break;
        case PointerEvent::Kind::Up: {
            const bool drag = swipe_.is_drag();
            const Swipe s = swipe_.up(p.x, p.y);
            if (drag) pointer_.hide_until_next_press();
            if (s == Swipe::Next) on_patient_control(PatientControl::Next);
            if (s == Swipe::Previous) on_patient_control(PatientControl::Previous);
            break;
        }
    }
    if (swipe_.is_drag()) pointer_.hide_until_next_press();
}

void KioskApp::on_patient_control(PatientControl c) {
    dirty_ = true;
    switch (c) {
        case PatientControl::Next:
        case PatientControl::Previous:
            session_->browsed();
            player_->pause();  // until the idle timeout (expire_patient_session)
            if (c == PatientControl::Next) player_->next(); else player_->previous();
            break;
        case PatientControl::Language: language_touched_ = true; break;
        default: break;
    }
}

void KioskApp::expire_patient_session() {
    // A panel open in the patient's language stays so; their session ends after it closes.
    if (panel_->is_open() || staff_->view().state != StaffState::Closed) {
        if (session_->next_deadline() && *session_->next_deadline() <= clock_.steady()) session_->touched();
        return;
    }
    const PatientSession::Expiry e = session_->expire_if_idle();
    if (!e.ended) return;
    if (e.was_browsing) player_->resume();
    if (e.language_changed) show_language();
    log_ << "kiosk: idle: back to " << session_->language() << (e.was_browsing ? ", the loop resumes" : "") << '\n';
    dirty_ = true;
}

PlayerFrame KioskApp::localized_frame() const {
    PlayerFrame f = player_->frame();
    if (const Deck* deck = player_->deck(); deck && !session_->is_default_language()) {
        f.current = deck->in_language(f.current, session_->language());
        f.incoming = deck->in_language(f.incoming, session_->language());
    }
    return f;
}

// Every patient control in one layout: Read aloud and A+ (PatientAids), the language button and
// the arrows, so none overlaps another.
void KioskApp::show_printers_to_panel() {
    if (!printer_) return;
    panel_->set_printer_status(printer_->status());
    panel_->set_desk_printer_status(printer_->desk_status());
}

PatientControlsWanted KioskApp::patient_controls_wanted() const {
    PatientControlsWanted wanted = aids_->wanted();
    wanted.language = session_->has_language_button();
    wanted.arrows = true;  // their room is kept even before they show, so nothing reflows
    return wanted;
}

PatientControlsLayout KioskApp::patient_controls() const {
    return patient_controls_layout(compute_regions(w_, h_, SlideLayoutKind::TextOnly, false), patient_controls_wanted());
}

}  // namespace

// SDL 2.26 falls back to its "offscreen" driver when it finds no display: the kiosk would then run
// invisibly forever. A headless driver is accepted only when someone asked for it by name.
namespace {
bool headless_by_accident() {
    const char* driver = SDL_GetCurrentVideoDriver();
    const char* asked = SDL_getenv("SDL_VIDEODRIVER");
    const bool headless = driver != nullptr && (SDL_strcmp(driver, "offscreen") == 0 || SDL_strcmp(driver, "dummy") == 0);
    return headless && (asked == nullptr || *asked == '\0');
}
}  // namespace

int run_kiosk(const KioskAppOptions& options, std::ostream& log) {
    StartupTiming startup(options.exec_started.value_or(options.started.value_or(std::chrono::steady_clock::now())));
    if (options.exec_started && options.started) startup.step("program load", *options.started);
    if (options.started) startup.step("config", std::chrono::steady_clock::now());
    SdlSession sdl(true);
    if (!sdl.ok() || headless_by_accident()) {
        log << "kiosk: cannot start the display: " << (sdl.ok() ? "no display found" : sdl.error()) << "\n"
            << "There is no screen to show the slides on (no X11, Wayland or KMS display was found).\n"
            << "  To look at the slides as pictures:  kiosk render slides --out /tmp/slides-preview\n"
            << "  To run the real kiosk without a screen:  xvfb-run -s '-screen 0 1920x1080x24' kiosk run\n";
        return 1;
    }
    watch_display(log);
    startup.step("display", std::chrono::steady_clock::now());  // SDL, SDL_image, SDL_ttf started
    KioskApp app(options, log, std::move(startup));
    return app.run();
}

}  // namespace kiosk

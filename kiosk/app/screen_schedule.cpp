#include "screen_schedule.h"

#include "core/status_report.h"

#include <ostream>

namespace kiosk {

namespace {

bool is_pointer(Uint32 type) {
    return type == SDL_MOUSEBUTTONDOWN || type == SDL_MOUSEBUTTONUP || type == SDL_MOUSEMOTION ||
           type == SDL_FINGERDOWN || type == SDL_FINGERUP || type == SDL_FINGERMOTION || type == SDL_MOUSEWHEEL;
}

// A real finger arrives as finger events plus SDL's mouse copies a moment apart: the copies of the
// waking touch are swallowed too, so it cannot press the button that appears under it.
constexpr auto kAfterRelease = std::chrono::milliseconds(400);

}  // namespace

ScreenSchedule::ScreenSchedule(const Clock& clock, const DisplayScheduleConfig& config, std::ostream& log)
    : clock_(clock), log_(log), gate_(clock, config) {
    on_ = gate_.screen_on();
    if (!config.schedule.always_on) {
        const auto next = gate_.next_scheduled_change();
        log_ << "kiosk: display schedule: the screen is " << (on_ ? "on" : "off") << " now"
             << (next ? ", next change " + format_local(*next) : std::string()) << '\n';
    }
    // Started at night (a restart after a crash, a power cut): the TV must go to standby too.
    if (!on_) set_power();
}

void ScreenSchedule::set_power() {
    if (!power_) {
        const char* driver = SDL_GetCurrentVideoDriver();
        power_ = std::make_unique<DisplayPower>(driver ? driver : "none", gate_.config().power_off_screen);
        reported_power_ = power_->state();
    }
    power_->request(on_);
    // SDL keeps resetting the X screensaver (and with it DPMS) while it suppresses it.
    if (on_) {
        SDL_DisableScreenSaver();
    } else {
        SDL_EnableScreenSaver();
    }
}

bool ScreenSchedule::swallow(const SDL_Event& e) {
    if (!is_pointer(e.type)) return false;
    if (swallowing_) {
        if (e.type == SDL_MOUSEBUTTONUP || e.type == SDL_FINGERUP) released_at_ = clock_.steady();
        if (released_at_ && clock_.steady() - *released_at_ > kAfterRelease) {
            swallowing_ = false;
            released_at_.reset();
        } else {
            return true;
        }
    }
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN) {
        if (gate_.touch()) {
            swallowing_ = true;
            released_at_.reset();
            return true;
        }
        return false;
    }
    return !on_;  // moves over a dark screen are nobody's business
}

bool ScreenSchedule::update() {
    const bool now_on = gate_.screen_on();
    if (power_) {
        if (const std::string p = power_->state(); p != reported_power_) {
            reported_power_ = p;
            log_ << "kiosk: display power: " << p << '\n';
        }
    }
    if (now_on == on_) return false;
    on_ = now_on;
    log_ << "kiosk: display " << (on_ ? "on" : "off") << " (" << to_string(gate_.reason()) << ")";
    if (const auto change = gate_.next_scheduled_change()) log_ << ", next scheduled change " << format_local(*change);
    log_ << '\n';
    set_power();
    return true;
}

void ScreenSchedule::draw_dark(SDL_Renderer* renderer) {
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
}

}  // namespace kiosk

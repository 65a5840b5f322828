#include "status_snapshot.h"

#include "core/player.h"
#include "core/usage_log.h"
#include "deck_reloader.h"
#include "print/print_worker.h"
#include "screen_schedule.h"

#include <unistd.h>

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

namespace kiosk {

KioskStatus snapshot_status(const StatusSources& s, WallTime now) {
    KioskStatus st;
    st.pid = static_cast<int>(::getpid());
    st.version = KIOSK_VERSION;
    st.started = s.started;
    st.written = now;
    const PlayerFrame frame = s.player.frame();
    // Mid-crossfade, the slide on screen is the one that is mostly visible.
    const auto& shown = frame.incoming && frame.fade >= 0.5f ? frame.incoming : frame.current;
    if (shown) {
        st.slide_file = shown->file_name;
        st.slide_title = shown->title;
    }
    st.slides_started = s.player.slides_started();
    st.paused = s.player.paused();
    st.deck_folder = s.slides_folder.string();
    st.folder_status = to_string(s.decks.folder_status());
    if (const Deck* deck = s.player.deck()) {
        st.deck_slides = static_cast<int>(deck->slides.size());
        for (const Diagnostic& d : deck->all_diagnostics()) {
            (d.severity == Severity::Error ? st.deck_errors : st.deck_warnings) += 1;
            st.deck_messages.push_back(d.to_string());
        }
    }
    st.last_reload = s.last_reload;
    // Each printer by its own name and state: staff must know which one needs paper.
    const auto can_print = [](PrinterState state) {
        return state == PrinterState::Ready || state == PrinterState::PaperLow;
    };
    st.printer_configured = s.printer != nullptr && s.printer->has(PrinterRole::WaitingRoom);
    st.printer_state = "none";
    st.printer_summary = printer_summary(PrinterRole::WaitingRoom, PrinterState::None);
    st.desk_printer.name = printer_name(PrinterRole::Desk);
    st.desk_printer.summary = printer_summary(PrinterRole::Desk, PrinterState::None);
    if (s.printer) {
        // A worker with only a desk printer answers None for the waiting room (as status() says).
        const PrinterStatus p = s.printer->status();
        st.printer_state = to_string(p.state);
        st.printer_detail = p.detail;
        st.printer_ok = can_print(p.state);
        st.printer_kind = s.printer->kind(PrinterRole::WaitingRoom);
        st.printer_summary = printer_summary(PrinterRole::WaitingRoom, p.state);
        const PrinterStatus d = s.printer->desk_status();
        st.desk_printer.configured = s.printer->has(PrinterRole::Desk);
        st.desk_printer.kind = s.printer->kind(PrinterRole::Desk);
        st.desk_printer.state = to_string(d.state);
        st.desk_printer.detail = d.detail;
        st.desk_printer.ok = can_print(d.state);
        st.desk_printer.summary = printer_summary(PrinterRole::Desk, d.state);
    }
    st.last_print_problem = s.last_print_problem;
    st.last_print_problem_at = s.last_print_problem_at;
    st.display_on = s.screen.on();
    st.display_reason = to_string(s.screen.gate().reason());
    st.display_power = s.screen.power_state();
    st.display_next_change = s.screen.gate().next_scheduled_change();
    const DailyTotals& today = s.usage.today();
    for (std::size_t i = 0; i < kUsageEventCount; ++i) {
        st.today[std::string(to_string(static_cast<UsageEvent>(i)))] = today.counts[i];
    }
    return st;
}

}  // namespace kiosk

// `kiosk slip`: prints one slip, or writes a preview of it, without the screen. Staff use it for
// test prints after changing paper or settings; the tests use it to drive a real printer path.
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/settings.h"

#include "core/phone_entry.h"
#include "core/slip.h"
#include "print/printer.h"
#include "print/printer_uri.h"
#include "print/slip_renderer_cairo.h"

#include <chrono>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk slip [--config FILE] [--printer URI] [--desk --name NAME --phone NUMBER] [--topic TEXT]\n"
    "                  [--preview FILE.png|FILE.pdf]\n"
    "       kiosk slip --test [--desk] [--config FILE] [--printer URI] [--preview FILE.png|FILE.pdf]\n"
    "  --test  the staff panel's test slip (nothing of a patient's in it), on the waiting-room printer\n"
    "          or, with --desk, on the desk printer at its own width\n";

int usage_error(Io io, const std::string& why) {
    io.err << "kiosk slip: " << why << "\n" << kUsage;
    return kExitUsage;
}

}  // namespace

int slip_command(const Args& args, Io io) {
    ArgParser parser({"config", "printer", "name", "phone", "topic", "preview"}, {"desk", "test", "help"});
    if (!parser.parse(args)) return usage_error(io, parser.error());
    if (parser.flag("help")) {
        io.out << kUsage;
        return kExitOk;
    }
    if (!parser.positional().empty()) return usage_error(io, "unexpected argument '" + parser.positional()[0] + "'");

    SlipRequest request;
    request.when = std::chrono::system_clock::now();
    request.topic = parser.value("topic").value_or("");
    const bool test = parser.flag("test");
    if (test) {
        if (parser.value("name") || parser.value("phone"))
            return usage_error(io, "a test slip holds no patient's name or number: leave out --name and --phone");
        if (request.topic.empty()) request.topic = "Test print";
    } else if (parser.flag("desk")) {
        request.kind = SlipKind::Desk;
        const EntryCheck phone = validate_phone(parser.value("phone").value_or(""));
        if (!phone.ok()) return usage_error(io, "--desk needs --phone with 7 to 15 digits");
        const EntryCheck name = validate_name(parser.value("name").value_or(""));
        if (!name.ok()) return usage_error(io, "--name: use at most 20 letters, spaces, hyphens or apostrophes");
        request.patient_phone = phone.value;
        request.patient_name = name.value;
    } else if (parser.value("name") || parser.value("phone")) {
        return usage_error(io, "--name and --phone are for a desk slip: add --desk");
    }

    KioskConfig config = load_settings(parser.value("config"), io.err);
    // Which printer: a test slip goes where --desk says, a patient's slip where its kind goes.
    const PrinterRole role = parser.flag("desk") ? PrinterRole::Desk : PrinterRole::WaitingRoom;
    if (test && role == PrinterRole::Desk && !config.desk_printer.configured() && !parser.value("printer"))
        return usage_error(io, "--test --desk: kiosk.toml has no [desk_printer]; set one up or give --printer");
    const bool printer_from_command_line = parser.value("printer").has_value();
    if (printer_from_command_line) {
        // --printer replaces the printer this slip goes to ([desk_printer] for --desk when set).
        if (test && role == PrinterRole::Desk) {
            config.desk_printer.printer.uri = *parser.value("printer");
        } else if (request.kind == SlipKind::Desk && config.desk_printer.configured()) {
            config.desk_printer.printer.uri = *parser.value("printer");
        } else {
            config.printer.uri = *parser.value("printer");
        }
    }

    SlipLayout slip = test ? compose_test_slip(config, request, role) : compose_slip(config, request);
    request.wipe();
    const PrinterConfig& target = test ? (role == PrinterRole::Desk ? config.desk_printer.printer : config.printer)
                                       : printer_for(config, slip.kind);

    if (const auto preview = parser.value("preview")) {
        // An ESC/POS printer prints the text in its code page: the preview shows that, not UTF-8.
        if (const ParsedPrinterUri uri = parse_printer_uri(target.uri);
            std::holds_alternative<TcpUri>(uri.uri) || std::holds_alternative<FileUri>(uri.uri)) {
            as_printed(slip, parse_codepage(target.codepage).value_or(Codepage::Cp858));
        }
        const RenderResult r = write_slip_preview(slip, *preview);
        slip.wipe();
        if (!r.ok()) {
            io.err << "kiosk slip: " << r.error << "\n";
            return kExitFailure;
        }
        io.out << "preview written to " << *preview << "\n";
        return kExitOk;
    }

    const auto not_printed = [&](const std::string& why) {
        io.err << "kiosk slip: the slip was not printed: " << why << "\n"
               << "The clinic's number is " << config.clinic.phone << ".\n";
        return kExitFailure;
    };
    const MadePrinter made = make_printer(target);
    if (!made.printer) {
        if (printer_from_command_line) return usage_error(io, made.error);
        return not_printed(made.error);
    }
    // The CLI waits for its one slip; the kiosk itself prints through PrintWorker instead.
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(std::max(1.0, target.job_deadline_seconds)));
    const PrintReport report = made.printer->print(slip, deadline, std::stop_token{});
    slip.wipe();
    if (report.outcome != JobOutcome::Printed && report.outcome != JobOutcome::SentNotConfirmed) {
        if (report.outcome == JobOutcome::NoPrinter) return not_printed("no printer is configured ([printer] uri = \"none\")");
        return not_printed(report.detail);
    }
    io.out << report.detail << "\n";
    if (report.status.state == PrinterState::PaperLow) io.out << "note: the paper is running low\n";
    return kExitOk;
}

}  // namespace kiosk::cli

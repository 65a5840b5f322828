#include "cups_printer.h"

#include "slip_renderer_cairo.h"

#include <cups/cups.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk {

namespace {

using std::chrono::steady_clock;

struct HttpCloser {
    void operator()(http_t* h) const { httpClose(h); }
};
struct IppDeleter {
    void operator()(ipp_t* i) const { ippDelete(i); }
};
using HttpPtr = std::unique_ptr<http_t, HttpCloser>;
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

// A request that hangs (a wedged cupsd) must not hold the worker forever.
constexpr double kRequestTimeoutSeconds = 5.0;
constexpr auto kJobPollInterval = std::chrono::milliseconds(200);

std::string server_name() { return std::string(cupsServer()) + ":" + std::to_string(ippPort()); }

HttpPtr connect_server() {
    HttpPtr http(httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, 3000, nullptr));
    if (http) httpSetTimeout(http.get(), kRequestTimeoutSeconds, [](http_t*, void*) { return 0; }, nullptr);
    return http;
}

std::string printer_uri(const std::string& queue) {
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/printers/%s",
                     queue.c_str());
    return uri;
}

bool has_reason(const std::vector<std::string>& reasons, std::string_view stem) {
    // "media-empty" matches "media-empty", "media-empty-error", "media-empty-warning", "media-empty-report".
    return std::any_of(reasons.begin(), reasons.end(), [&](const std::string& r) {
        return r == stem || (r.starts_with(stem) && r.size() > stem.size() && r[stem.size()] == '-');
    });
}

std::vector<std::string> strings_of(ipp_t* response, const char* name) {
    std::vector<std::string> out;
    if (ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_ZERO)) {
        for (int i = 0; i < ippGetCount(a); ++i) {
            if (const char* v = ippGetString(a, i, nullptr)) out.emplace_back(v);
        }
    }
    return out;
}

// "80", "100.2": tenths of a millimetre as CUPS reads a custom size.
std::string mm_text(int tenths) {
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);
    return text;
}

// Reasons an IPP Everywhere device reports about itself, which the ipp backend copies onto the queue.
constexpr std::string_view kDeviceReasons[] = {"media-empty", "media-needed", "media-low",
                                               "media-jam",   "cover-open",   "door-open"};

}  // namespace

PrinterStatus cups_queue_status(const std::string& queue, int printer_state, bool accepting,
                                const std::vector<std::string>& reasons, const std::string& state_message) {
    const std::string message = state_message.empty() ? std::string() : " (" + state_message + ")";
    const std::string q = "CUPS queue '" + queue + "'";
    if (has_reason(reasons, "media-empty") || has_reason(reasons, "media-needed")) {
        return status_now(PrinterState::PaperOut, q + " is out of paper" + message);
    }
    if (has_reason(reasons, "cover-open") || has_reason(reasons, "door-open")) {
        return status_now(PrinterState::CoverOpen, q + ": the cover is open" + message);
    }
    if (printer_state == IPP_PSTATE_STOPPED) {
        return status_now(PrinterState::Offline, q + " is stopped; `cupsenable " + queue + "` restarts it" + message);
    }
    if (!accepting) {
        return status_now(PrinterState::Offline,
                           q + " is not accepting jobs; `cupsaccept " + queue + "` allows them again" + message);
    }
    if (has_reason(reasons, "offline")) return status_now(PrinterState::Offline, q + " reports the printer offline" + message);
    if (has_reason(reasons, "media-low")) return status_now(PrinterState::PaperLow, q + ": paper is running low" + message);
    return status_now(PrinterState::Ready, q + " is ready");
}

std::vector<std::pair<std::string, std::string>> cups_page_options(int paper_width_mm, double slip_length_mm,
                                                                   const std::vector<std::string>& media_supported) {
    // PWG sizes are in hundredths of a millimetre; the length is rounded up to a tenth.
    const int width = paper_width_mm * 100;
    const int length = static_cast<int>(std::ceil(slip_length_mm * 10 - 1e-6)) * 10;
    constexpr int kWidthSlack = 100;  // a roll sold as 80 mm may be listed as 3.15 in (80.01 mm)
    std::optional<std::pair<int, int>> min_size, max_size;
    std::string fixed;
    int fixed_length = 0;
    for (const std::string& keyword : media_supported) {
        const pwg_media_t* m = pwgMediaForPWG(keyword.c_str());
        if (m == nullptr) continue;
        if (keyword.starts_with("custom_min_")) {
            min_size = std::pair{m->width, m->length};
        } else if (keyword.starts_with("custom_max_")) {
            max_size = std::pair{m->width, m->length};
        } else if (std::abs(m->width - width) <= kWidthSlack && m->length >= length &&
                   (fixed.empty() || m->length < fixed_length)) {
            fixed = keyword;
            fixed_length = m->length;
        }
    }
    if (min_size && max_size && width + kWidthSlack >= min_size->first && width - kWidthSlack <= max_size->first &&
        length <= max_size->second) {
        const int w = std::clamp(width, min_size->first, max_size->first);
        const int l = std::max(length, min_size->second);
        return {{"PageSize", "Custom." + mm_text((w + 9) / 10) + "x" + mm_text((l + 9) / 10) + "mm"},
                {"print-scaling", "none"}};
    }
    if (!fixed.empty()) return {{"media", fixed}, {"print-scaling", "none"}};
    return {};
}

std::vector<std::string> merge_device_reasons(const std::vector<std::string>& queue_reasons,
                                              const std::vector<std::string>& device_reasons) {
    std::vector<std::string> out;
    for (const std::string& r : queue_reasons) {
        const bool from_device = std::any_of(std::begin(kDeviceReasons), std::end(kDeviceReasons),
                                             [&](std::string_view stem) { return has_reason({r}, stem); });
        if (!from_device && r != "none") out.push_back(r);
    }
    for (const std::string& r : device_reasons) {
        if (r != "none" && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    }
    if (out.empty()) out.emplace_back("none");
    return out;
}

namespace {

// The printer-state-reasons of the device behind an ipp:// or ipps:// queue, asked directly;
// nullopt for any other device or when it does not answer within a second or two (then the
// queue's word stands, and the job deadline covers a device that is really gone).
std::optional<std::vector<std::string>> device_reasons(const std::string& device_uri) {
    char scheme[32], userpass[256], host[256], resource[1024];
    int port = 0;
    if (httpSeparateURI(HTTP_URI_CODING_ALL, device_uri.c_str(), scheme, sizeof scheme, userpass, sizeof userpass,
                        host, sizeof host, &port, resource, sizeof resource) < HTTP_URI_STATUS_OK) {
        return std::nullopt;
    }
    const std::string_view s(scheme);
    if (s != "ipp" && s != "ipps") return std::nullopt;
    const HttpPtr http(httpConnect2(host, port, nullptr, AF_UNSPEC,
                                    s == "ipps" ? HTTP_ENCRYPTION_ALWAYS : HTTP_ENCRYPTION_IF_REQUESTED, 1, 1500,
                                    nullptr));
    if (!http) return std::nullopt;
    httpSetTimeout(http.get(), 2.0, [](http_t*, void*) { return 0; }, nullptr);
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, device_uri.c_str());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr,
                 "printer-state-reasons");
    const IppPtr response(cupsDoRequest(http.get(), request, resource));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) return std::nullopt;
    return strings_of(response.get(), "printer-state-reasons");
}

struct QueueInfo {
    PrinterStatus status;
    std::vector<std::string> media_supported;
};

QueueInfo fetch_queue(http_t* http, const std::string& queue) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    const std::string uri = printer_uri(queue);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    static const char* const kWanted[] = {"printer-state",         "printer-state-reasons", "printer-is-accepting-jobs",
                                          "printer-state-message", "device-uri",            "media-supported"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(kWanted)), nullptr, kWanted);
    const IppPtr response(cupsDoRequest(http, request, "/"));  // consumes `request`
    const ipp_status_t rc = cupsLastError();
    if (rc == IPP_STATUS_ERROR_NOT_FOUND) {
        return {status_now(PrinterState::Error, "there is no CUPS queue named '" + queue + "' on " + server_name()), {}};
    }
    if (!response || rc > IPP_STATUS_OK_CONFLICTING) {
        return {status_now(PrinterState::Offline, "CUPS at " + server_name() + " did not answer: " + cupsLastErrorString()),
                {}};
    }
    ipp_t* r = response.get();
    const int state = ippGetInteger(ippFindAttribute(r, "printer-state", IPP_TAG_ENUM), 0);
    ipp_attribute_t* accepting = ippFindAttribute(r, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    const bool is_accepting = accepting == nullptr || ippGetBoolean(accepting, 0) != 0;
    std::vector<std::string> reasons = strings_of(r, "printer-state-reasons");
    const std::vector<std::string> device = strings_of(r, "device-uri");
    if (!device.empty()) {
        if (const auto own = device_reasons(device.front())) reasons = merge_device_reasons(reasons, *own);
    }
    const std::vector<std::string> message = strings_of(r, "printer-state-message");
    return {cups_queue_status(queue, state, is_accepting, reasons, message.empty() ? std::string() : message.front()),
            strings_of(r, "media-supported")};
}

PrinterStatus fetch_status(http_t* http, const std::string& queue) { return fetch_queue(http, queue).status; }

// IPP job-state, or 0 when the server could not tell us.
int job_state(http_t* http, const std::string& queue, int job_id) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    const std::string uri = printer_uri(queue);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr, "job-state");
    const IppPtr response(cupsDoRequest(http, request, "/"));
    if (!response) return 0;
    return ippGetInteger(ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM), 0);
}

}  // namespace

CupsPrinter::CupsPrinter(std::string queue) : queue_(std::move(queue)) {}

std::string CupsPrinter::describe() const { return "CUPS queue '" + queue_ + "' on " + server_name(); }

PrinterStatus CupsPrinter::query_status() {
    const HttpPtr http = connect_server();
    if (!http) return status_now(PrinterState::Offline, "cannot reach the CUPS server at " + server_name());
    return fetch_status(http.get(), queue_);
}

PrintReport CupsPrinter::print(const SlipLayout& slip, SteadyTime deadline, std::stop_token stop) {
    if (stop.stop_requested() || steady_clock::now() >= deadline) {
        return {JobOutcome::TimedOut, "the slip's deadline passed before it could be sent",
                status_now(PrinterState::Unknown, {})};
    }
    const HttpPtr http = connect_server();
    if (!http) {
        const std::string what = "cannot reach the CUPS server at " + server_name();
        return {JobOutcome::Offline, what, status_now(PrinterState::Offline, what)};
    }
    // A queue that is stopped, rejecting or out of paper would hold the job and print it whenever
    // it comes back: hours later, for nobody. Check first, submit only to a working queue.
    QueueInfo queue_info = fetch_queue(http.get(), queue_);
    PrinterStatus before = std::move(queue_info.status);
    if (before.state != PrinterState::Ready && before.state != PrinterState::PaperLow) {
        const JobOutcome outcome = before.state == PrinterState::PaperOut    ? JobOutcome::PaperOut
                                   : before.state == PrinterState::CoverOpen ? JobOutcome::CoverOpen
                                   : before.state == PrinterState::Offline   ? JobOutcome::Offline
                                                                             : JobOutcome::Error;
        return {outcome, "not submitted: " + before.detail, before};
    }

    const std::optional<SecretString> pdf = render_slip_pdf(slip);
    if (!pdf) return {JobOutcome::Error, "could not draw the slip as PDF", before};

    // CUPS also cancels the job itself if it is still processing a little after our deadline: a
    // backstop for a kiosk switched off while its job waits. Later than ours, so ours normally wins.
    const auto seconds_left = std::chrono::duration_cast<std::chrono::seconds>(deadline - steady_clock::now()).count();
    cups_option_t* options = nullptr;
    int num_options = cupsAddOption("job-cancel-after", std::to_string(std::max<long long>(1, seconds_left) + 30).c_str(),
                                    0, &options);
    // Without a size, pdftopdf puts the slip on the queue's default page (Letter): a receipt
    // printer would feed 28 cm of paper, or reject the job.
    for (const auto& [name, value] :
         cups_page_options(slip.paper_width_mm, slip_length_mm(slip), queue_info.media_supported)) {
        num_options = cupsAddOption(name.c_str(), value.c_str(), num_options, &options);
    }
    const int job_id = cupsCreateJob(http.get(), queue_.c_str(), "Kiosk slip", num_options, options);
    cupsFreeOptions(num_options, options);
    if (job_id <= 0) {
        const std::string what = "CUPS refused the job: " + std::string(cupsLastErrorString());
        return {JobOutcome::Error, what, status_now(PrinterState::Error, what)};
    }
    const std::string job = "job " + std::to_string(job_id) + " on '" + queue_ + "'";
    bool sent = cupsStartDocument(http.get(), queue_.c_str(), job_id, "slip.pdf", CUPS_FORMAT_PDF, 1) == HTTP_STATUS_CONTINUE;
    sent = sent && cupsWriteRequestData(http.get(), pdf->data(), pdf->size()) == HTTP_STATUS_CONTINUE;
    const ipp_status_t finished = cupsFinishDocument(http.get(), queue_.c_str());
    if (!sent || finished > IPP_STATUS_OK_CONFLICTING) {
        const std::string what = "sending " + job + " failed: " + cupsLastErrorString();
        cupsCancelJob2(http.get(), queue_.c_str(), job_id, 0);
        return {JobOutcome::Error, what, status_now(PrinterState::Error, what)};
    }

    for (;;) {
        const int state = job_state(http.get(), queue_, job_id);
        if (state == IPP_JSTATE_COMPLETED) return {JobOutcome::Printed, job + " printed", before};
        if (state == IPP_JSTATE_CANCELED || state == IPP_JSTATE_ABORTED) {
            const std::string what = job + (state == IPP_JSTATE_CANCELED ? " was cancelled" : " was aborted by CUPS");
            return {JobOutcome::Error, what, fetch_status(http.get(), queue_)};
        }
        if (stop.stop_requested() || steady_clock::now() >= deadline) break;
        std::this_thread::sleep_for(kJobPollInterval);
    }
    // Deadline: cancel, so the slip never comes out later for someone who has long gone.
    const ipp_status_t cancelled = cupsCancelJob2(http.get(), queue_.c_str(), job_id, 0);
    const std::string cancel_error = cupsLastErrorString();
    const int final_state = job_state(http.get(), queue_, job_id);
    if (final_state == IPP_JSTATE_COMPLETED) return {JobOutcome::Printed, job + " printed just at its deadline", before};
    PrinterStatus after = fetch_status(http.get(), queue_);
    // "not possible" also means CUPS is already cancelling it (job-cancel-after): check the state.
    const bool gone = final_state == IPP_JSTATE_CANCELED || final_state == IPP_JSTATE_ABORTED;
    std::string what = job + " did not finish before its deadline and was cancelled";
    if (!gone && cancelled > IPP_STATUS_OK_CONFLICTING) {
        what = job + " did not finish before its deadline; cancelling it failed: " + cancel_error;
    }
    if (after.state == PrinterState::Ready) after = status_now(PrinterState::Offline, what);
    return {JobOutcome::TimedOut, what, after};
}

}  // namespace kiosk

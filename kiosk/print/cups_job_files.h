// Whether the CUPS server keeps each printed job's file in its spool. It does by default
// (PreserveJobFiles, a day in CUPS 2.4), and a desk slip's PDF carries a patient's name and
// number, so the kiosk warns at start and `kiosk check` warns until cupsd.conf says "No".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// From the text of a cupsd.conf: true unless a top-level "PreserveJobFiles No" (or Off/False/0)
// is its last word on the matter. Absent means CUPS's default, which keeps the files.
[[nodiscard]] bool cupsd_keeps_job_files(std::string_view cupsd_conf);

// Where the local server's settings are read: KIOSK_CUPSD_CONF when set (tests), else
// /etc/cups/cupsd.conf.
[[nodiscard]] std::string local_cupsd_conf_path();

// For a cups:// printer: a warning naming the file and the line to add when the server keeps
// job files, or when that cannot be told (a remote server, an unreadable file). nullopt for
// other printers and for a local server that says PreserveJobFiles No.
[[nodiscard]] std::optional<std::string> cups_job_files_warning(const std::string& printer_uri);

}  // namespace kiosk

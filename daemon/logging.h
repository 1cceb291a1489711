// Logging for a service: one event per line on stderr. Under systemd (JOURNAL_STREAM set) lines
// carry a "<N>" syslog priority prefix and no timestamp, since journald adds its own.
#pragma once

namespace redline {

// Sets up the default spdlog logger; verbose enables debug lines.
void setup_logging(bool verbose);

}  // namespace redline

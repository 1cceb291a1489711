// Output helpers shared by the query commands (history, status, diffs, alerts list): terminal
// tables that fit the screen, CSV that is safe to open in a spreadsheet, and times as users read
// them. Text from feeds is untrusted: control characters never reach the terminal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace redline {

// Width of the terminal on stdout (COLUMNS, then the tty), else `fallback`.
int terminal_width(int fallback = 120);

// Text with control characters (including ESC, CR, LF) replaced by spaces.
std::string printable(std::string_view text);

// At most `width` columns of UTF-8 text (one column per code point), "…" when cut.
std::string fit(std::string_view text, std::size_t width);

// A table: header row, rows of cells; the last column takes the remaining width.
void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, int width);

// One CSV record (RFC 4180 quoting); cells starting with = + - @ are prefixed with ' so a
// spreadsheet never evaluates a feed's text as a formula.
std::string csv_row(const std::vector<std::string>& cells);

// "2025-03-01 14:05" (UTC) or "-" when absent.
std::string short_time(std::optional<Timestamp> t);

// True when stdout is a terminal and NO_COLOR is unset or empty (https://no-color.org).
bool colour_stdout();

// A stored word diff ("[-old-]{+new+}") for the terminal: control characters removed, wrapped
// at `width` columns with `indent` spaces before every line. With `colour`, deletions are red
// and insertions green instead of the markup; without, the markup stays.
std::string render_word_diff(std::string_view diff, bool colour, int width, int indent);

// Parses a --since/--until value: RFC 3339, a date, or a duration back from now ("24h", "7d").
std::optional<Timestamp> parse_when(std::string_view text, Timestamp now);

}  // namespace redline

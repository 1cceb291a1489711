#include "alerts/text.h"

#include <cctype>

#include "util/utf8.h"

namespace redline {

namespace {

// C1 controls (NEL among them) and the Unicode line and paragraph separators break lines for
// some readers: they are whitespace here.
bool is_unicode_break(char32_t cp) { return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029; }

bool is_space_or_control(unsigned char c) { return c < 0x20 || c == 0x7f || c == ' '; }

}  // namespace

std::string safe_link(std::string_view link) {
  const auto lower_starts = [&](std::string_view prefix) {
    if (link.size() <= prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(link[i])) != prefix[i]) return false;
    }
    return true;
  };
  if (!lower_starts("http://") && !lower_starts("https://")) return "";
  if (link.size() > 4096) return "";
  for (unsigned char c : link) {
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c >= 0x80) {
      return "";
    }
  }
  return std::string(link);
}

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = utf8_sequence(text, i, &cp);
    if (len == 1 ? is_space_or_control(static_cast<unsigned char>(cp)) : is_unicode_break(cp)) {
      pending_space = !out.empty();
      i += len;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr std::string_view ellipsis = "\xE2\x80\xA6";
  std::size_t cut = max_bytes > ellipsis.size() ? max_bytes - ellipsis.size() : 0;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + std::string(ellipsis);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string payload_string(const nlohmann::json& payload, const char* key) {
  const auto it = payload.find(key);
  if (it == payload.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::string severity_label(const nlohmann::json& payload) {
  std::string s = clean_text(payload_string(payload, "severity"));
  if (s.empty()) return "ALERT";
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return truncate_utf8(s, 24);
}

namespace {

int source_count(const nlohmann::json& payload) {
  const auto it = payload.find("sources");
  if (it == payload.end() || !it->is_object()) return 0;
  const auto count = it->find("count");
  return count != it->end() && count->is_number_integer() ? count->get<int>() : 0;
}

std::string source_names(const nlohmann::json& payload) {
  const auto it = payload.find("sources");
  if (it == payload.end() || !it->is_object()) return "";
  const auto list = it->find("list");
  if (list == it->end() || !list->is_array()) return "";
  std::string names;
  int shown = 0;
  for (const auto& s : *list) {
    if (!s.is_object() || ++shown > 5) break;
    std::string name = truncate_utf8(clean_text(payload_string(s, "feed")), 60);
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

}  // namespace

std::string alert_headline(const nlohmann::json& payload) {
  const std::string kind = payload_string(payload, "kind");
  std::string topic = truncate_utf8(clean_text(payload_string(payload, "topic")), 60);
  std::string title = truncate_utf8(clean_text(payload_string(payload, "title")), 300);
  if (title.empty()) title = "(no title)";
  std::string head = kind == "test" ? std::string("TEST") : severity_label(payload);
  if (!topic.empty()) head += " " + topic;
  if (kind == "update") {
    head += " (update, " + std::to_string(source_count(payload)) + " sources)";
  } else if (kind == "fact") {
    head += " (fact change)";
  }
  return head + ": " + title;
}

std::string alert_paragraph(const nlohmann::json& payload) {
  std::string text = alert_headline(payload) + ".";
  const std::string stance = truncate_utf8(clean_text(payload_string(payload, "stance")), 30);
  if (!stance.empty()) text += " Stance: " + stance + ".";
  const std::string feed = truncate_utf8(clean_text(payload_string(payload, "feed")), 80);
  if (!feed.empty()) text += " Feed: " + feed + ".";
  const std::string link = safe_link(payload_string(payload, "link"));
  if (!link.empty()) text += " Link: " + link;
  const int count = source_count(payload);
  if (count > 0) {
    text += " Sources (" + std::to_string(count) + "): " + source_names(payload) + ".";
  }
  const std::string evidence = truncate_utf8(clean_text(payload_string(payload, "evidence")), 400);
  if (!evidence.empty()) text += " Evidence: \"" + evidence + "\"";
  return text;
}

}  // namespace redline

// Plain text and Markdown: line ends, stray HTML, Markdown titles.
#include "indexer/read/plain_text.h"

#include <string>

#include "core/legacy_encoding.h"
#include "indexer/read/single_page.h"
#include "indexer/read/stray_html.h"

namespace kb {
namespace {

// One line of `t` starting at `pos`, without its line end.
std::string_view line_at(std::string_view t, size_t pos) {
  size_t end = t.find('\n', pos);
  if (end == std::string_view::npos) end = t.size();
  std::string_view line = t.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view trim_spaces_tabs(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// A Markdown title: "title:" in YAML front matter, else the first level-one
// "# " heading (outside front matter and code fences).
std::string markdown_title(std::string_view t) {
  size_t pos = 0;
  if (line_at(t, 0) == "---") {
    pos = t.find('\n');
    while (pos != std::string_view::npos && pos + 1 <= t.size()) {
      ++pos;
      const std::string_view line = line_at(t, pos);
      if (line == "---" || line == "...") {
        pos = t.find('\n', pos);
        break;
      }
      if (line.substr(0, 6) == "title:") {
        std::string_view v = trim_spaces_tabs(line.substr(6));
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') &&
            v.back() == v.front()) {
          v = v.substr(1, v.size() - 2);
        }
        if (!v.empty()) return std::string(v);
      }
      pos = t.find('\n', pos);
    }
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  bool in_fence = false;
  while (pos < t.size()) {
    const std::string_view line = line_at(t, pos);
    if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~")
      in_fence = !in_fence;
    if (!in_fence &&
        (line.substr(0, 2) == "# " || line.substr(0, 2) == "#\t")) {
      std::string_view v = trim_spaces_tabs(line.substr(2));
      while (!v.empty() && v.back() == '#') v.remove_suffix(1);  // "# Title #"
      v = trim_spaces_tabs(v);
      if (!v.empty()) return std::string(v);
    }
    const size_t next = t.find('\n', pos);
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return {};
}

// Windows ("\r\n") and old Mac ("\r") line ends become "\n", so that every
// consumer splits lines alike.
std::string unix_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

}  // namespace

Extracted extract_text(std::string_view bytes, bool markdown) {
  const DecodedText decoded = decode_text_file(bytes);
  std::string text = unix_line_ends(decoded.text);
  if (looks_like_stray_html(text)) text = strip_stray_html(text);
  const std::string title = markdown ? markdown_title(text) : std::string();
  Extracted e = finish_single_page(markdown ? "markdown" : "text", text, title);
  if (e.status != ExtractStatus::kFailed &&
      decoded.encoding != Encoding::kUnicode) {
    e.encoding = encoding_name(decoded.encoding);
  }
  return e;
}

}  // namespace kb

// Stray HTML: a small scanner for tags of known elements and for entities;
// no parser, as the input is text that merely holds some tags.
#include "indexer/read/stray_html.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <utility>

#include "core/utf8.h"

namespace kb {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

// Elements whose tags strip_stray_html removes; the inline ones leave
// nothing, the others a space. Anything else in angle brackets is text
// ("<Điều 5>", "a < b").
bool is_inline_tag(std::string_view name) {
  static constexpr std::string_view kInline[] = {
      "a",    "b",     "i",   "u", "em",     "strong", "span",  "sup",  "sub",
      "font", "small", "big", "s", "strike", "code",   "label", "abbr", "mark"};
  return std::find(std::begin(kInline), std::end(kInline), name) !=
         std::end(kInline);
}
bool is_known_tag(std::string_view name) {
  static constexpr std::string_view kOther[] = {
      "p",       "div",     "br",     "ul",     "ol",         "li",
      "table",   "tbody",   "thead",  "tfoot",  "tr",         "td",
      "th",      "h1",      "h2",     "h3",     "h4",         "h5",
      "h6",      "hr",      "img",    "center", "blockquote", "pre",
      "section", "article", "header", "footer", "nav",        "dl",
      "dt",      "dd",      "form",   "input",  "html",       "head",
      "body",    "meta",    "link",   "title",  "caption",    "col",
      "colgroup"};
  return is_inline_tag(name) || std::find(std::begin(kOther), std::end(kOther),
                                          name) != std::end(kOther);
}

// Length of the tag starting at s[0] == '<', or 0 when it is not a tag of a
// known element. `name` receives the element's name in lower case.
size_t tag_length(std::string_view s, std::string& name) {
  size_t i = 1;
  if (i < s.size() && s[i] == '/') ++i;
  const size_t name_begin = i;
  while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])) &&
         i - name_begin < 16)
    ++i;
  if (i == name_begin ||
      !std::isalpha(static_cast<unsigned char>(s[name_begin])))
    return 0;
  if (i < s.size() && s[i] != '>' && s[i] != '/' && s[i] != ' ' &&
      s[i] != '\t' && s[i] != '\n') {
    return 0;
  }
  name = ascii_lower(s.substr(name_begin, i - name_begin));
  if (!is_known_tag(name)) return 0;
  char quote = 0;
  for (; i < s.size() && i < 4096; ++i) {  // attributes may hold '>' in quotes
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return 0;
}

// Decodes the entity at s[0] == '&' into `out`; returns its length, or 0.
size_t entity_length(std::string_view s, std::string& out) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"},        {"&lt;", "<"},         {"&gt;", ">"},
      {"&quot;", "\""},      {"&apos;", "'"},       {"&nbsp;", " "},
      {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"}, {"&hellip;", "\u2026"},
      {"&ldquo;", "\u201C"}, {"&rdquo;", "\u201D"}};
  for (const auto& [name, text] : kNamed) {
    if (s.substr(0, name.size()) == name) {
      out += text;
      return name.size();
    }
  }
  if (s.size() < 4 || s[1] != '#') return 0;
  const bool hex = s[2] == 'x' || s[2] == 'X';
  size_t i = hex ? 3 : 2;
  uint32_t cp = 0;
  const size_t digits_begin = i;
  while (i < s.size() && i - digits_begin < 8 &&
         (hex ? std::isxdigit(static_cast<unsigned char>(s[i]))
              : std::isdigit(static_cast<unsigned char>(s[i])))) {
    const char c =
        static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    cp = cp * (hex ? 16 : 10) +
         static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    ++i;
  }
  if (i == digits_begin || i >= s.size() || s[i] != ';' || cp == 0 ||
      cp > 0x10FFFF)
    return 0;
  append_utf8(static_cast<char32_t>(cp), out);
  return i + 1;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Position of `needle` (lower-case ASCII) in `s` at or after `from`, ignoring
// ASCII case; npos when absent.
size_t find_ascii_ci(std::string_view s, std::string_view needle, size_t from) {
  const auto it =
      std::search(s.begin() + static_cast<std::ptrdiff_t>(from), s.end(),
                  needle.begin(), needle.end(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) == b;
                  });
  return it == s.end() ? std::string_view::npos
                       : static_cast<size_t>(it - s.begin());
}

}  // namespace

bool looks_like_stray_html(std::string_view text) {
  // Closing tags or tags with attributes of common elements.
  static constexpr std::string_view kSigns[] = {
      "</p>",    "</i>",  "</b>",  "</li>",  "</ul>",  "</div>",
      "</span>", "</td>", "<br>",  "<br/>",  "<br />", "<ul ",
      "<p ",     "<li ",  "<div ", "<span ", "<table", "</a>"};
  return std::any_of(std::begin(kSigns), std::end(kSigns),
                     [&](std::string_view sign) {
                       return text.find(sign) != std::string_view::npos;
                     });
}

std::string strip_stray_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string name;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '&') {
      if (const size_t n = entity_length(text.substr(i), out)) {
        i += n;
        continue;
      }
    } else if (c == '<') {
      if (text.substr(i, 4) == "<!--") {
        const size_t end = text.find("-->", i + 4);
        if (end != std::string_view::npos) {
          i = end + 3;
          continue;
        }
      }
      const std::string lower = ascii_lower(text.substr(i, 8));
      if (lower.rfind("<script", 0) == 0 || lower.rfind("<style", 0) == 0) {
        const size_t end =
            find_ascii_ci(text, lower[2] == 'c' ? "</script" : "</style", i);
        const size_t gt =
            end == std::string_view::npos ? end : text.find('>', end);
        if (gt != std::string_view::npos) {
          i = gt + 1;
          continue;
        }
      }
      if (const size_t n = tag_length(text.substr(i), name)) {
        // A block tag separates words ("</p> <ul>", "a<br>b"), unless
        // whitespace already does.
        const bool next_space = i + n >= text.size() || is_space(text[i + n]);
        if (!is_inline_tag(name) && !out.empty() && !is_space(out.back()) &&
            !next_space) {
          out += ' ';
        }
        i += n;
        // "đồng: <ul ...> • Chia": the tag's two sides' spaces make one.
        if (!out.empty() && out.back() == ' ' && i < text.size() &&
            text[i] == ' ')
          ++i;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace kb

// HTML to text with gumbo (an HTML5 parser), and plain text / Markdown.
#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/extract.h"

namespace kb {
namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

bool is_dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

// Accumulates text, collapsing whitespace. Breaks are requested, not
// written: the strongest request since the last character wins and is written
// before the next one, so no page starts or ends with a break and a table
// row stays on one line even when its cells hold paragraphs.
class TextBuilder {
 public:
  void text(std::string_view s, bool preformatted) {
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (nbsp) ++i;
      if (preformatted && c == '\n') {
        newline();
      } else if (preformatted && (c == ' ' || c == '\t' || nbsp)) {
        put(nbsp ? ' ' : c);  // <pre> keeps its spacing
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                 nbsp) {
        request(kSpace);
      } else {
        put(c);
      }
    }
  }
  void line_break() {
    // A paragraph at the start of a cell would break the row.
    if (cell_start_ && pending_ == kTab) return;
    request(kLine);
  }
  void enter_cell() { cell_start_ = true; }
  void end_cell() {
    cell_start_ = false;
    // The tab replaces the break after the cell's last paragraph.
    if (!out_.empty()) pending_ = kTab;
  }
  std::string finish() {
    // Spaces before a line end are noise (a cell's trailing space, "a <br>").
    std::string out;
    out.reserve(out_.size());
    for (char c : out_) {
      if (c == '\n') {
        while (!out.empty() && out.back() == ' ') out.pop_back();
      }
      out += c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n'))
      out.pop_back();
    return out;
  }

 private:
  enum Break { kNone, kSpace, kTab, kLine };
  void request(Break b) { pending_ = std::max(pending_, b); }
  void put(char c) {
    if (!out_.empty() && pending_ != kNone) {
      const char last = out_.back();
      if (pending_ == kLine && last != '\n') {
        while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t'))
          out_.pop_back();
        if (!out_.empty()) out_ += '\n';
      } else if (pending_ == kTab && last != '\n' && last != '\t') {
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
        if (!out_.empty()) out_ += '\t';
      } else if (pending_ == kSpace && last != ' ' && last != '\n' &&
                 last != '\t') {
        out_ += ' ';
      }
    }
    pending_ = kNone;
    cell_start_ = false;
    out_ += c;
  }
  void newline() {
    pending_ = kNone;
    if (!out_.empty()) out_ += '\n';
  }

  std::string out_;
  Break pending_ = kNone;
  bool cell_start_ = false;
};

void walk(const GumboNode* node, TextBuilder& b, bool preformatted, int depth) {
  if (depth > 400) return;  // pathological nesting: gumbo keeps it, we stop
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      b.text(node->v.text.text, preformatted);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:
      return;
  }
  const GumboElement& el = node->v.element;
  if (is_dropped(el.tag)) return;
  if (el.tag == GUMBO_TAG_BR) {
    b.line_break();
    return;
  }
  const bool block = is_block(el.tag);
  const bool cell = el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH;
  if (block) b.line_break();
  if (cell) b.enter_cell();
  const bool pre =
      preformatted || el.tag == GUMBO_TAG_PRE || el.tag == GUMBO_TAG_TEXTAREA;
  for (unsigned i = 0; i < el.children.length; ++i) {
    walk(static_cast<const GumboNode*>(el.children.data[i]), b, pre, depth + 1);
  }
  if (cell) b.end_cell();
  if (block) b.line_break();
}

const GumboNode* find_tag(const GumboNode* node, GumboTag tag, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 50) return nullptr;
  if (node->v.element.tag == tag) return node;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    if (auto* f = find_tag(
            static_cast<const GumboNode*>(node->v.element.children.data[i]),
            tag, depth + 1)) {
      return f;
    }
  }
  return nullptr;
}

// The charset a page declares in <meta>, lower case, or "".
std::string declared_charset(std::string_view html) {
  std::string head(html.substr(0, std::min<size_t>(html.size(), 4096)));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  size_t i = at + 8;
  while (i < head.size() &&
         (head[i] == '"' || head[i] == '\'' || head[i] == ' '))
    ++i;
  size_t j = i;
  while (j < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' ||
          head[j] == '_' || head[j] == '.' || head[j] == ':')) {
    ++j;
  }
  return head.substr(i, j - i);
}

// Converts `bytes` from `charset` to UTF-8 with ICU; false when ICU does not
// know the charset.
bool convert_charset(std::string_view bytes, const std::string& charset,
                     std::string& out) {
  // One input byte is at most one BMP code point: 3 UTF-8 bytes. ICU counts
  // in int32_t.
  if (bytes.size() > (INT32_MAX - 16) / 3) return false;
  UErrorCode status = U_ZERO_ERROR;
  out.assign(bytes.size() * 3 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(),
                                 static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<size_t>(n));
  return true;
}

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

std::string html_to_text(std::string_view html, std::string* title) {
  // Gumbo copies the open-element stack into every parse error it records:
  // quadratic time and memory on broken nesting (8,000 unclosed table cells:
  // 14 s). We never read the errors.
  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    return o;
  }();
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&options, o); });
  if (title != nullptr) {
    title->clear();
    if (const GumboNode* t = find_tag(output->root, GUMBO_TAG_TITLE)) {
      TextBuilder tb;
      for (unsigned i = 0; i < t->v.element.children.length; ++i) {
        const auto* child =
            static_cast<const GumboNode*>(t->v.element.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT) tb.text(child->v.text.text, false);
      }
      *title = tb.finish();
    }
  }
  TextBuilder b;
  walk(output->root, b, false, 0);
  return b.finish();
}

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

std::string clean_title(std::string_view raw) {
  std::string title = repair_legacy_text(raw).text;
  // Producers write UTF-16 byte order marks as characters ("\uFEFF", or
  // "ÿþ" when the marks went through Latin-1).
  for (std::string_view bom :
       {"\xEF\xBB\xBF", "\xC3\xBF\xC3\xBE", "\xC3\xBE\xC3\xBF"}) {
    if (title.substr(0, bom.size()) == bom) title.erase(0, bom.size());
  }
  std::string out;
  bool space = false;
  bool letter = false;
  for (const char32_t c : utf8_to_u32(to_nfc(std::move(title)))) {
    if (c == U'\uFEFF' || c == U'\uFFFD' ||
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    append_utf8(c, out);
    letter = letter ||
             (c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0 : c >= 0xC0);
  }
  return letter ? out : std::string();
}

Extracted Extracted::failure(std::string format, FailureReason reason,
                             std::string detail) {
  Extracted e;
  e.format = std::move(format);
  e.status = ExtractStatus::kFailed;
  e.reason = reason;
  e.error = std::move(detail);
  return e;
}

const char* failure_reason_name(FailureReason reason) {
  switch (reason) {
    case FailureReason::kEncrypted:
      return "encrypted";
    case FailureReason::kDamaged:
      return "damaged";
    case FailureReason::kEmpty:
      return "empty";
    case FailureReason::kUnsupported:
      return "unsupported type";
    case FailureReason::kTooLarge:
      return "too large";
    case FailureReason::kTimeout:
      return "timeout";
    case FailureReason::kNone:
      break;
  }
  return "";
}

namespace {

// Keeps a text page unless it holds no letters or digits at all.
bool has_content(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
  });
}

// Blank lines before the first words and whitespace after the last carry
// nothing; the text's own inner spacing is kept.
std::string_view trim_blank_ends(std::string_view text) {
  const size_t last = text.find_last_not_of(" \t\r\n\f\v");
  if (last == std::string_view::npos) return {};
  text = text.substr(0, last + 1);
  const size_t first = text.find_first_not_of(" \t\r\n\f\v");
  const size_t line_start = text.rfind('\n', first);
  return line_start == std::string_view::npos ? text
                                              : text.substr(line_start + 1);
}

Extracted finish_single_page(std::string format, std::string_view text,
                             std::string_view title) {
  Extracted e;
  e.format = std::move(format);
  DecodedText repaired = repair_legacy_text(trim_blank_ends(text));
  e.encoding = encoding_name(repaired.encoding);
  if (!has_content(repaired.text)) {
    return Extracted::failure(e.format, FailureReason::kEmpty,
                              "no text in the file");
  }
  e.pages.push_back({to_nfc(std::move(repaired.text)), true});
  e.title = clean_title(title);
  return e;
}

// One line of `t` starting at `pos`, without its line end.
std::string_view line_at(std::string_view t, size_t pos) {
  size_t end = t.find('\n', pos);
  if (end == std::string_view::npos) end = t.size();
  std::string_view line = t.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view trim(std::string_view s) {
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
        std::string_view v = trim(line.substr(6));
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
      std::string_view v = trim(line.substr(2));
      while (!v.empty() && v.back() == '#') v.remove_suffix(1);  // "# Title #"
      v = trim(v);
      if (!v.empty()) return std::string(v);
    }
    const size_t next = t.find('\n', pos);
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return {};
}

}  // namespace

Extracted extract_html(std::string_view bytes) {
  std::string utf8;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) {
    utf8.assign(bytes);
  } else {
    const std::string charset = declared_charset(bytes);
    if (charset.empty() || charset == "utf-8" || charset == "utf8" ||
        !convert_charset(bytes, charset, utf8)) {
      // Legacy bytes read as Latin-1, repaired line by line.
      utf8 = decode_text_file(bytes).text;
    }
  }
  std::string title;
  std::string text = html_to_text(utf8, &title);
  return finish_single_page("html", text, title);
}

namespace {

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

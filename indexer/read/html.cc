// HTML with gumbo: which elements are blocks or dropped, and the walk over
// the parsed tree that feeds a TextBuilder.
#include "indexer/read/html.h"

#include <gumbo.h>

#include <memory>
#include <vector>

#include "indexer/read/html_charset.h"
#include "indexer/read/html_text_builder.h"
#include "indexer/read/single_page.h"

namespace kb {
namespace {

using html::TextBuilder;

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

// Walks the tree depth first with its own stack, so that text nested
// thousands of levels deep is kept rather than dropped or overflowing the
// call stack (gumbo itself keeps any depth).
void walk(const GumboNode* root, TextBuilder& b) {
  struct Frame {
    const GumboElement* element;
    unsigned next_child;
    bool pre, block, cell;
  };
  std::vector<Frame> stack;
  // Enters `node`: text goes out at once; an element opens a frame.
  const auto enter = [&](const GumboNode* node, bool preformatted) {
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
    Frame f{
        &el, 0,
        preformatted || el.tag == GUMBO_TAG_PRE || el.tag == GUMBO_TAG_TEXTAREA,
        is_block(el.tag), el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH};
    if (f.block) b.line_break();
    if (f.cell) b.enter_cell();
    stack.push_back(f);
  };
  enter(root, false);
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next_child < top.element->children.length) {
      const auto* child = static_cast<const GumboNode*>(
          top.element->children.data[top.next_child++]);
      enter(child, top.pre);  // may grow the stack: `top` is not used after
      continue;
    }
    const Frame done = top;
    stack.pop_back();
    if (done.cell) b.end_cell();
    if (done.block) b.line_break();
  }
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
  walk(output->root, b);
  return b.finish();
}

Extracted extract_html(std::string_view bytes) {
  const std::string utf8 = html::page_to_utf8(bytes);
  std::string title;
  std::string text = html_to_text(utf8, &title);
  return finish_single_page("html", text, title);
}

}  // namespace kb

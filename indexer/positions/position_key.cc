// Position keys (position_key.h).
#include "indexer/positions/position_key.h"

#include <cstdint>
#include <cstdio>

#include "core/analyzer.h"

namespace kb {

std::string position_key(std::string_view actor, Stance stance,
                         std::string_view quote) {
  AnalyzeOptions options;
  options.repair_legacy = false;
  const Analysis a = analyze(quote, options);
  std::string text(actor);
  text += '\x1f';
  text += stance_id(stance);
  for (const Token& t : a.tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    text += '\x1f';
    text += t.exact;
  }
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace kb

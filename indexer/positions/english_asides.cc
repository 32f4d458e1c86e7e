// Asides of English report sentences (english_asides.h).
#include "indexer/positions/english_asides.h"

#include <algorithm>

namespace kb::english {

bool opens_next_verb_aside(std::string_view text, size_t at) {
  std::string_view before = text.substr(0, at);
  while (!before.empty() && (before.back() == ' ' || before.back() == ','))
    before.remove_suffix(1);
  return before.ends_with(" but") || before.ends_with(" and") ||
         before == "but" || before == "and";
}

bool only_names(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t end = std::min(text.find_first_of(" ,", i), text.size());
    const std::string_view w = text.substr(i, end - i);
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && w != "and" && w != "the" &&
        w != "others" && w != "other" && w != "of")
      return false;
    i = end + 1;
  }
  return true;
}

}  // namespace kb::english

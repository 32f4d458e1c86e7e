// Sentences and subjects of English text (english_subject.h).
#include "indexer/positions/english_subject.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace kb::english {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Letters of `w`: how many, how many upper case, how many lower case.
struct Letters {
  int all = 0, upper = 0, lower = 0;
  bool first_upper = false;
};

Letters letters(std::string_view w) {
  Letters out;
  bool first = true;
  for (char32_t c : utf8_to_u32(w)) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    ++out.all;
    if (u_isupper(static_cast<UChar32>(c))) {
      ++out.upper;
      if (first) out.first_upper = true;
    } else if (u_islower(static_cast<UChar32>(c))) {
      ++out.lower;
    }
    first = false;
  }
  return out;
}

bool in_list(std::string_view w, std::initializer_list<std::string_view> l) {
  return std::find(l.begin(), l.end(), w) != l.end();
}

// Capitalised words that start no actor's name.
bool is_non_actor_word(std::string_view w) {
  static constexpr std::string_view kWords =
      " The This These That Those It He She They We I Many Several Some Most "
      "All Other Others One Another Both Each Delegates Parties Party "
      "Participants Panelists Panellists Experts Presenters Discussion "
      "Countries Developing Developed Annex Non-Annex Industrialized "
      "Observers Speakers Members Ministers Governments Negotiators A An "
      "There Such No Article Protocol Convention Decision Draft Text Report "
      "Session Plenary Delegation Delegations Monday Tuesday Wednesday "
      "Thursday Friday Saturday Sunday Discussions Consultations Negotiations "
      "Contact Informal Few Any Every His Her Their Its Our What Which Who "
      "When Where How Why If Following Panel Bureau Secretariat Working "
      "Conference Co-Chairs Chairs Seminar Meeting Leaders Executive "
      "Committee Body Board ";
  if (w.empty() || w.find(' ') != std::string_view::npos) return false;
  return kWords.find(" " + std::string(w) + " ") != std::string_view::npos;
}

// Bodies of the process itself, which report or decide, not negotiate.
bool is_process_body(std::string_view name) {
  // "SBI-15", "COP 7": a session of the body.
  const size_t cut = name.find_last_of("- ");
  if (cut != std::string_view::npos && cut + 1 < name.size() &&
      name.find_first_not_of("0123456789", cut + 1) == std::string_view::npos)
    name = name.substr(0, cut);
  return in_list(
             name,
             {"BAP", "AWG-KP", "AWG-LCA", "SBSTA", "SBI", "COP", "CMP", "MOP",
              "ADP", "IPCC", "UNFCCC", "COP/MOP", "PLENARY", "SECRETARIAT",
              "CHAIR", "CO-CHAIRS", "JISC", "EGTT", "CGE", "LEG", "TEC", "SCF",
              // The negotiating body or working group of the report's
              // meeting, which agrees text ("WGII agreed to delete",
              // "The Group rejected the insertion", "The AGBM
              // requested the Secretariat", "The Round Table agreed that"): the
              // meeting's outcome.
              "WGI", "WGII", "WGIII", "WG I", "WG II", "WG III", "AGBM", "AG13",
              "Group", "Round Table", "Roundtable"}) ||
         name.find("Executive Secretary") != std::string_view::npos;
}

bool is_connector(std::string_view w) {
  return in_list(
      w, {"of", "for", "the", "on", "to", "de", "do", "da", "d", "van", "von",
          "der", "del", "la", "le", "and", "in", "al-", "&"});
}

// Words that open a leading adverbial ("On X, ...", "Responding to Y, ...").
bool is_adverbial_opener(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 3) == "ing") return true;
  return in_list(
      w, {"On",      "In",         "At",           "As",        "After",
          "Before",  "During",     "With",         "Without",   "Regarding",
          "While",   "Whereas",    "Although",     "Though",    "When",
          "Beyond",  "Under",      "Upon",         "Given",     "Also",
          "However", "Further",    "Furthermore",  "Moreover",  "Finally",
          "Then",    "Later",      "Subsequently", "Among",     "Despite",
          "Unlike",  "Like",       "To",           "By",        "From",
          "Through", "Throughout", "Within",       "Between",   "Over",
          "Against", "Since",      "Until",        "If",        "Once",
          "Instead", "Similarly",  "Likewise",     "Meanwhile", "Additionally",
          "Thus",    "Therefore",  "Overall",      "Asked",     "Earlier",
          "Today",   "Yesterday",  "Here",         "There",     "Speaking"});
}

bool is_pronoun(std::string_view s) {
  return in_list(s, {"He", "he", "She", "she", "They", "they", "It", "it"});
}

std::string_view strip_prefix(std::string_view s, std::string_view p) {
  if (s.size() >= p.size() && s.substr(0, p.size()) == p)
    return trim(s.substr(p.size()));
  return s;
}

// `s` without a leading article and a trailing parenthesis ("(EU)").
std::string_view bare_name(std::string_view s) {
  s = trim(s);
  s = strip_prefix(s, "the ");
  s = strip_prefix(s, "The ");
  while (!s.empty() && s.back() == ')') {
    const size_t open = s.rfind('(');
    if (open == std::string_view::npos) break;
    s = trim(s.substr(0, open));
  }
  while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == '.'))
    s.remove_suffix(1);
  return trim(s);
}

bool is_caps(std::string_view s) {
  const std::vector<std::string_view> w = words_of(s);
  if (w.empty()) return false;
  for (std::string_view x : w) {
    const Letters l = letters(x);
    if (l.all == 0 || l.lower > 0 || (l.all < 2 && w.size() == 1)) return false;
  }
  return !is_process_body(s);
}

// Whether `s` (bare) names an actor: all capitals ("NEW ZEALAND",
// "G-77/CHINA"), a form the taxonomy knows, or a capitalised name of at most
// seven words ("Ana Reyes", "Climate Action Network").
bool is_name(std::string_view s, const Taxonomy& taxonomy) {
  if (is_process_body(s)) return false;
  const std::vector<std::string_view> w = words_of(s);
  if (w.empty() || w.size() > 7) return false;
  bool caps = true;
  for (std::string_view x : w) {
    const Letters l = letters(x);
    if (l.all == 0 || l.lower > 0 || (l.all < 2 && w.size() == 1)) caps = false;
  }
  if (caps) return true;
  if (taxonomy.resolve(s, {"country", "organisation", "network", "agency"}))
    return true;
  if (!letters(w[0]).first_upper || is_non_actor_word(w[0])) return false;
  for (std::string_view x : w) {
    const Letters l = letters(x);
    if (l.all == 0) {
      if (x.size() == 2 && x[1] == '.') continue;  // an initial
      return false;
    }
    if (!l.first_upper && !is_connector(x)) return false;
  }
  return !is_connector(w.back());
}

// The name `s` starts with when a verb or a preposition follows it: "Jim
// Penman" of "Jim Penman will consider", not "TT:CLEAR" of "TT:CLEAR
// website". "EGTT member Ana Reyes" is the person.
std::string_view leading_name(std::string_view s, const Taxonomy& taxonomy) {
  size_t end = 0;
  std::string_view next;  // the word after the name
  for (std::string_view w : words_of(s)) {
    if (w == "member" && end > 0) {
      return leading_name(trim(s.substr(w.data() + w.size() - s.data())),
                          taxonomy);
    }
    if (!letters(w).first_upper &&
        !in_list(w, {"de", "da", "do", "van", "von", "der", "del", "la", "le",
                     "al-"})) {
      next = w;
      break;
    }
    end = static_cast<size_t>(w.data() + w.size() - s.data());
  }
  if (!next.empty() && !next.ends_with("ed") &&
      !in_list(next, {"will", "would", "was", "were", "is", "are", "has",
                      "have", "on", "in", "at", "to", "during", "from", "for",
                      "with", "met", "discussed"}))
    return {};
  std::string_view name = s.substr(0, end);
  while (!name.empty()) {  // no particle at the end
    const size_t sp = name.rfind(' ');
    if (sp == std::string_view::npos || !is_connector(name.substr(sp + 1)))
      break;
    name = trim(name.substr(0, sp));
  }
  return !name.empty() && is_name(name, taxonomy) ? name : std::string_view();
}

bool is_filler(std::string_view s) {
  return in_list(s, {"others", "other Parties", "other countries",
                     "several others", "many others", "some others"});
}

// Where " and " first joins two items of `s`, outside parentheses.
size_t find_and(std::string_view s) {
  for (size_t at = next_list_and(s, 0); at != std::string_view::npos;
       at = next_list_and(s, at + 1)) {
    const std::string_view head = s.substr(0, at);
    if (std::count(head.begin(), head.end(), '(') ==
        std::count(head.begin(), head.end(), ')'))
      return at;
  }
  return std::string_view::npos;
}

// Appends the names of a list "A, B and C" (items in `items`) to `out`;
// false when one is no name.
bool add_list(const std::vector<std::string_view>& items,
              const Taxonomy& taxonomy, std::vector<std::string>* out) {
  std::vector<std::string> got;
  for (std::string_view item : items) {
    std::string_view rest = trim(item);
    // "A and B", "A and others", not "(Antigua and Barbuda)"
    while (!rest.empty()) {
      size_t cut = find_and(rest);
      std::string_view head =
          cut == std::string_view::npos ? rest : rest.substr(0, cut);
      rest = cut == std::string_view::npos ? std::string_view()
                                           : trim(rest.substr(cut + 5));
      head = strip_prefix(trim(head), "and ");
      const std::string_view name = bare_name(head);
      if (is_filler(name)) continue;
      if (!is_name(name, taxonomy)) return false;
      got.emplace_back(name);
    }
  }
  if (got.empty()) return false;
  out->insert(out->end(), got.begin(), got.end());
  return true;
}

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  size_t at = 0;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    if (s[i] == ',' && depth == 0) {
      out.push_back(trim(s.substr(at, i - at)));
      at = i + 1;
    }
  }
  out.push_back(trim(s.substr(at)));
  return out;
}

// Drops adverbs between the subject and the verb ("PERU also").
std::string_view drop_trailing_adverbs(std::string_view s) {
  static constexpr std::array<std::string_view, 20> kAdverbs = {
      " is",       " are",        " remain",  " remains",      " also",
      " then",     " further",    " again",   " strongly",     " similarly",
      " likewise", " repeatedly", " finally", " later",        " had",
      " has",      " have",       " instead", " subsequently", " specifically"};
  bool more = true;
  while (more) {
    more = false;
    s = trim(s);
    for (std::string_view a : kAdverbs) {
      if (s == a.substr(1)) return {};
      if (s.size() > a.size() && s.substr(s.size() - a.size()) == a) {
        s.remove_suffix(a.size());
        more = true;
      }
    }
    if (!s.empty() && s.back() == ',') {
      s.remove_suffix(1);
      more = true;
    }
    // Any other adverb in -ly, lower case ("remotely", "briefly").
    const size_t sp = s.rfind(' ');
    if (sp != std::string_view::npos && s.size() - sp > 4 &&
        s.substr(s.size() - 2) == "ly" && s[sp + 1] >= 'a' &&
        s[sp + 1] <= 'z') {
      s.remove_suffix(s.size() - sp);
      more = true;
    }
  }
  return s;
}

// `s` with each run of spaces as one space.
std::string single_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!is_space(c) || out.empty() || !is_space(out.back())) out += c;
  return out;
}

// Where a heading glued to its sentence ends ("transport:On the issue",
// "inventories:Riitta Pipatti"): a colon between a lower-case letter and a
// capital; npos when there is none.
size_t glued_label_end(std::string_view s) {
  for (size_t i = s.size(); i-- > 1;) {
    if (s[i] != ':' || i + 1 >= s.size()) continue;
    if (s[i - 1] >= 'a' && s[i - 1] <= 'z' && s[i + 1] >= 'A' &&
        s[i + 1] <= 'Z')
      return i;
  }
  return std::string_view::npos;
}

}  // namespace

Subject parse_subject(std::string_view text, const Taxonomy& taxonomy) {
  Subject out;
  // Reports wrap lines with doubled spaces ("GERMANY, supported  by
  // NORWAY"): read them as one.
  const std::string single = single_spaces(text);
  text = single;
  // "Expert Panel on X: Ana Reyes, Shell, presented": after the label; a
  // label glued to the sentence ("Budget:The EU") too, not "TT:CLEAR".
  if (const size_t colon = text.rfind(": "); colon != std::string_view::npos)
    text = text.substr(colon + 2);
  if (const size_t colon = glued_label_end(text);
      colon != std::string_view::npos)
    text = text.substr(colon + 1);
  std::string_view s = drop_trailing_adverbs(trim(text));
  std::vector<std::string_view> segs = split_commas(s);
  // Leading adverbials, and "On behalf of X," before the speaker.
  std::string behalf;
  bool skipped = false;
  while (segs.size() > 1) {
    const std::string_view first = segs.front();
    const std::string_view b = strip_prefix(first, "On behalf of ");
    if (b != first) {
      behalf = std::string(bare_name(b));
    } else {
      // After an adverbial, its lower-case continuation ("On the way
      // forward, in particular in relation to the AWG-LCA, Spain, ...").
      const std::vector<std::string_view> w = words_of(first);
      std::string opener = w.empty() ? std::string() : std::string(w[0]);
      if (!opener.empty() && opener[0] >= 'a' && opener[0] <= 'z')
        opener[0] = static_cast<char>(opener[0] - 'a' + 'A');
      const bool continues = skipped && !w.empty() && w[0] != opener &&
                             w[0] != "including" && is_adverbial_opener(opener);
      if (w.empty() || (!is_adverbial_opener(w[0]) && !continues)) break;
      // Only after an adverbial that opens the sentence (capitalised), not
      // a clause's object ("capturing progress in a note, whereas ...").
      skipped = skipped || letters(w[0]).first_upper;
    }
    segs.erase(segs.begin());
  }
  if (segs.empty() || (segs.size() == 1 && segs[0].empty())) {
    out.kind = Subject::kEmpty;
    return out;
  }
  if (segs.size() == 1 && is_pronoun(segs[0])) {
    out.kind = Subject::kPronoun;
    return out;
  }
  // "X speaking for Y": Y, and X as well.
  std::vector<std::string> speakers_for;
  for (std::string_view marker :
       {" speaking for ", " speaking on behalf of "}) {
    const size_t at = segs[0].find(marker);
    if (at == std::string_view::npos) continue;
    const std::string_view bloc = bare_name(segs[0].substr(at + marker.size()));
    if (is_name(bloc, taxonomy)) speakers_for.emplace_back(bloc);
    segs[0] = trim(segs[0].substr(0, at));
  }
  // Asides: "on behalf of Y", "supported by Y", "opposed by Z", "for Y".
  std::vector<std::string_view> items;
  std::vector<std::string> included;
  // Where the last name went: a "for Y" after it replaces it ("with
  // Grenada, for AOSIS," is AOSIS beside the speaker).
  std::vector<std::string>* last_aside = nullptr;
  for (std::string_view seg : segs) {
    std::string_view rest;
    if ((rest = strip_prefix(seg, "speaking on behalf of ")) != seg ||
        (rest = strip_prefix(seg, "on behalf of ")) != seg) {
      // After a list ("SWITZERLAND, JAPAN, the US and GHANA, on behalf of
      // G-77/China,") the group replaces its speaker, the last item.
      const std::string_view group = bare_name(rest);
      const size_t cut =
          items.size() > 1 ? find_and(items.back()) : std::string_view::npos;
      if (cut != std::string_view::npos && is_name(group, taxonomy)) {
        items.back() = items.back().substr(0, cut);
        items.push_back(group);
      } else {
        behalf = std::string(group);
      }
    } else if ((rest = strip_prefix(seg, "supported by ")) != seg ||
               (rest = strip_prefix(seg, "with ")) != seg) {
      if (!add_list(split_commas(rest), taxonomy, &out.supporters)) return out;
      last_aside = &out.supporters;
      continue;
    } else if ((rest = strip_prefix(seg, "opposed by ")) != seg) {
      if (!add_list(split_commas(rest), taxonomy, &out.opponents)) return out;
      last_aside = &out.opponents;
      continue;
    } else if (last_aside != nullptr &&
               ((rest = strip_prefix(seg, "speaking for ")) != seg ||
                (rest = strip_prefix(seg, "for ")) != seg)) {
      const std::string_view group = bare_name(strip_prefix(rest, "the "));
      if (is_name(group, taxonomy)) last_aside->back() = group;
    } else if ((rest = strip_prefix(seg, "speaking for ")) != seg ||
               (rest = strip_prefix(seg, "for ")) != seg) {
      // "SOUTH AFRICA, for the G-77/CHINA,": the group speaks; a
      // description ("for a second time") leaves the speaker. In a list
      // ("Bolivia, for the G-77/CHINA, and IRAN") the group replaces its
      // speaker.
      const std::string_view group = bare_name(strip_prefix(rest, "the "));
      if (!is_name(group, taxonomy)) continue;
      // "SOUTH AFRICA, CHINA and Spain, for the EU,": the group replaces
      // the last item only.
      const size_t cut =
          items.size() > 1 ? find_and(items.back()) : std::string_view::npos;
      if (items.empty()) {
        behalf = group;
      } else if (cut != std::string_view::npos) {
        items.back() = items.back().substr(0, cut);
        items.push_back(group);
      } else {
        items.back() = group;
      }
    } else if ((rest = strip_prefix(seg, "including ")) != seg) {
      if (!add_list(split_commas(rest), taxonomy, &included)) return out;
      last_aside = &included;
      continue;
    } else if (seg.substr(0, 13) == "representing ") {
      continue;  // the speaker keeps the stance
    } else if (last_aside != nullptr && add_list({seg}, taxonomy, last_aside)) {
      // The aside's list goes on ("supported by AOSIS, LDCs and the
      // AFRICAN GROUP", "including SUDAN, KENYA, and FRANCE").
      continue;
    } else {
      items.push_back(seg);
    }
    last_aside = nullptr;
  }
  // "Several countries, including CHINA and INDIA,": those named.
  if (!included.empty() && !items.empty() &&
      !is_name(bare_name(items[0]), taxonomy)) {
    out.kind = Subject::kNames;
    out.names = std::move(included);
    return out;
  }
  if (!behalf.empty()) {
    if (!is_name(behalf, taxonomy)) return out;
    out.kind = Subject::kNames;
    out.names.push_back(behalf);
    return out;
  }
  if (items.empty()) return out;
  if (items.size() == 1 && words_of(items[0]).size() == 1 &&
      is_adverbial_opener(items[0]))
    return out;  // "On committed warming, ..."
  // A list of names ("Peru, the Russian Federation, Fiji and others":
  // short items, the last joined by "and"), or a name and its appositions
  // ("Ana Reyes, Chile,", "Ana Reyes, Minister of the Environment of
  // Chile,"), where only capitals and names the taxonomy knows count.
  std::vector<std::string> names;
  bool list =
      items.size() > 1 && items.back().find(" and ") != std::string_view::npos;
  bool all_caps = true;
  for (std::string_view item : items) {
    const std::string_view name = bare_name(strip_prefix(item, "and "));
    list = list && words_of(name).size() <= 4;
    std::string_view rest = name;
    while (!rest.empty()) {  // "A and B": each in capitals
      const size_t cut = next_list_and(rest, 0);
      const std::string_view part = bare_name(rest.substr(0, cut));
      all_caps = all_caps && (is_caps(part) || is_filler(part));
      rest = cut == std::string_view::npos ? std::string_view()
                                           : rest.substr(cut + 5);
    }
  }
  list = list || (items.size() > 1 && all_caps);
  if (list) {
    if (!add_list(items, taxonomy, &names)) return out;
  } else {
    if (!add_list({items[0]}, taxonomy, &names)) return out;
    for (size_t i = 1; i < items.size(); ++i) {
      // "Egypt, for the LMDCs, and INDONESIA": INDONESIA too.
      const std::string_view name = bare_name(strip_prefix(items[i], "and "));
      if (is_caps(name) || taxonomy.resolve(name, {"country", "organisation",
                                                   "network", "agency"}))
        names.emplace_back(name);
    }
  }
  names.insert(names.end(), speakers_for.begin(), speakers_for.end());
  out.kind = Subject::kNames;
  out.names = std::move(names);
  return out;
}

std::vector<std::string> leading_capitals(std::string_view sentence,
                                          const Taxonomy& taxonomy) {
  // Up to the first lower-case word that joins no names.
  size_t end = 0;
  for (std::string_view w : words_of(sentence)) {
    const Letters l = letters(w);
    if (l.lower > 0 && l.upper == 0 &&
        !in_list(w, {"and", "the", "of", "for", "to", "on", "behalf"}))
      break;
    end = static_cast<size_t>(w.data() + w.size() - sentence.data());
  }
  const std::string_view head = sentence.substr(0, end);
  const std::vector<std::string_view> w = words_of(head);
  if (w.empty() || (!is_caps(bare_name(w[0])) && w[0] != "The")) return {};
  const Subject sub = parse_subject(head, taxonomy);
  if (sub.kind != Subject::kNames) return {};
  for (const std::string& n : sub.names)
    if (!is_caps(n)) return {};
  return sub.names;
}

std::vector<std::string> names_in_list(std::string_view text,
                                       const Taxonomy& taxonomy) {
  std::vector<std::string> out;
  if (!add_list(split_commas(trim(text)), taxonomy, &out)) return {};
  return out;
}

std::vector<std::string> names_after_by(std::string_view text,
                                        const Taxonomy& taxonomy) {
  std::vector<std::string> out;
  // Parentheses hold the name's country: skip them.
  std::string flat;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) flat += c;
    if (c == ')' && depth > 0) --depth;
  }
  std::string_view rest = flat;
  for (std::string_view stop : {". ", "; ", ", with ", ", who ", ", which "}) {
    const size_t at = rest.find(stop);
    if (at != std::string_view::npos) rest = rest.substr(0, at);
  }
  for (std::string_view item : split_commas(rest)) {
    std::vector<std::string> got;
    if (add_list({item}, taxonomy, &got)) {
      out.insert(out.end(), got.begin(), got.end());
      continue;
    }
    // The list ends inside the item: "X and Y will consider it", "X and Y
    // on Wednesday", "X and informal consultations": the names before the
    // first word in lower case.
    std::string_view r = trim(item);
    if (!out.empty() && !r.starts_with("and ") &&
        next_list_and(r, 0) == std::string_view::npos)
      break;  // "... (Slovenia), the EC elaborated": a new clause
    while (!r.empty()) {
      const size_t cut = next_list_and(r, 0);
      const std::string_view name = bare_name(strip_prefix(
          trim(cut == std::string_view::npos ? r : r.substr(0, cut)), "and "));
      if (!is_name(name, taxonomy)) {
        const std::string_view lead = leading_name(name, taxonomy);
        if (!lead.empty()) out.emplace_back(lead);
        break;
      }
      out.emplace_back(name);
      r = cut == std::string_view::npos ? std::string_view()
                                        : trim(r.substr(cut + 5));
    }
    break;
  }
  return out;
}

}  // namespace kb::english

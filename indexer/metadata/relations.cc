// Typed relations from sentences (see relations.h).
#include "indexer/metadata/relations.h"

#include <unicode/uchar.h>

#include <map>
#include <set>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {
namespace {

struct VerbForm {
  std::u32string_view phrase;  // folded
  const char* kind;
  bool backward;  // "X hết hiệu lực": the targets come before the verb
};

// Longest first where one form starts another.
constexpr VerbForm kVerbs[] = {
    {U"sua doi, bo sung", "amends", false},
    {U"sua doi bo sung", "amends", false},
    {U"sua doi", "amends", false},
    {U"bo sung", "amends", false},
    {U"thay the", "replaces", false},
    {U"bai bo", "repeals", false},
    {U"huy bo", "repeals", false},
    {U"dinh chinh", "corrects", false},
    {U"quy dinh chi tiet", "guides", false},
    {U"huong dan", "guides", false},
    {U"het hieu luc", "repeals", true},
};

// Words that name a kind of document (folded), longest first.
constexpr std::u32string_view kTypeWords[] = {U"thong tu lien tich",
                                              U"thong tu",
                                              U"nghi dinh",
                                              U"quyet dinh",
                                              U"nghi quyet",
                                              U"bo luat",
                                              U"luat",
                                              U"phap lenh",
                                              U"chi thi",
                                              U"cong van",
                                              U"van ban",
                                              U"lenh",
                                              U"hien phap",
                                              U"thong bao",
                                              U"ke hoach"};

// Words that start the part of a document a relation is limited to.
constexpr std::u32string_view kPartWords[] = {
    U"dieu",     U"khoan",     U"diem",     U"chuong",      U"muc",
    U"tieu muc", U"phu luc",   U"mau",      U"cum tu",      U"mot so",
    U"cac dieu", U"cac khoan", U"cac diem", U"cac phu luc", U"cac quy dinh",
    U"quy dinh", U"bieu",      U"danh muc", U"phan"};

struct Verb {
  size_t begin = 0, end = 0;
  const VerbForm* form = nullptr;
  bool governs = false;
};

struct Found {
  size_t begin = 0, end = 0;
  DocNumber number;
  bool quoted = false;
};

bool word_start(std::u32string_view f, size_t i) {
  return i == 0 || !is_alnum(f[i - 1]);
}

std::vector<Verb> find_verbs(const Sentence& s) {
  std::vector<Verb> out;
  const std::u32string_view f = s.folded;
  for (size_t i = 0; i < f.size(); ++i) {
    if (s.quoted[i] || !word_start(f, i)) continue;
    for (const VerbForm& v : kVerbs) {
      const size_t k = match_phrase(f, i, v.phrase);
      if (k == npos) continue;
      out.push_back({i, k, &v, false});
      i = k - 1;
      break;
    }
  }
  return out;
}

// Ends of "<Loại> này" (this document) outside quotations.
std::vector<size_t> this_document_ends(const Sentence& s) {
  std::vector<size_t> out;
  const std::u32string_view f = s.folded;
  for (size_t i = 0; i < f.size(); ++i) {
    if (s.quoted[i] || !word_start(f, i)) continue;
    for (std::u32string_view t : kTypeWords) {
      const size_t k = match_phrase(f, i, t);
      if (k == npos) continue;
      const size_t n = match_phrase(f, skip_blanks(f, k), U"nay");
      if (n != npos && k < f.size() && is_blank_char(f[k])) out.push_back(n);
      break;
    }
  }
  return out;
}

// Marks the verbs this document speaks: the first words of the sentence's
// body, or right after "<Loại> này" with no number or verb between.
void mark_governing(const Sentence& s, std::vector<Verb>& verbs,
                    const std::vector<Found>& numbers) {
  const size_t start = body_start(s);
  const std::vector<size_t> self = this_document_ends(s);
  for (size_t k = 0; k < verbs.size(); ++k) {
    Verb& v = verbs[k];
    if (v.form->backward) {
      const std::u32string before = words_before(s.folded, v.begin, 2);
      bool passive = false;
      for (std::u32string_view w : {U"da", U"khi", U"se", U"bi", U"neu"}) {
        if (before == w || before.ends_with(std::u32string(U" ") += w))
          passive = true;
      }
      v.governs = !passive;
      continue;
    }
    if (v.begin == start) {
      v.governs = true;
      continue;
    }
    for (size_t end : self) {
      if (end > v.begin || v.begin - end > 160) continue;
      bool clear = true;
      for (const Found& n : numbers)
        if (n.begin >= end && n.begin < v.begin) clear = false;
      for (size_t j = 0; j < k; ++j)
        if (verbs[j].begin >= end) clear = false;
      if (clear) v.governs = true;
    }
  }
}

// Where the name of the document numbered at `n` starts: the nearest
// capitalised type word before it ("Nghị định số 12/…", "Luật Đất đai số
// 31/2024/QH15"), within the same clause; else the number itself.
size_t name_start(const Sentence& s, const Found& n, size_t floor) {
  const std::u32string_view f = s.folded;
  const size_t limit = n.begin > floor + 90 ? n.begin - 90 : floor;
  for (size_t i = n.begin; i-- > limit;) {
    const char32_t c = f[i];
    if (c == U',' || c == U';' || c == U':' || c == U'(') break;
    if (!word_start(f, i) || !is_upper(s.text[i])) continue;
    for (std::u32string_view t : kTypeWords)
      if (match_phrase(f, i, t) != npos) return i;
  }
  return n.begin;
}

bool starts_part(std::u32string_view f) {
  for (std::u32string_view p : kPartWords)
    if (match_phrase(f, 0, p) != npos) return true;
  return false;
}

// The part a relation is limited to, from the words between the verb (or a
// separator) and the target's name: "Điều 5" in "Bãi bỏ Điều 5 của Thông tư
// số …", "khoản 1 Điều 10" after "tại"; "" when they name no part.
std::string scope_in(const Sentence& s, size_t a, size_t b) {
  const std::u32string_view f = s.folded;
  for (size_t i = b; i-- > a;) {
    if (!s.quoted[i] && word_start(f, i) &&
        match_phrase(f, i, U"tai") != npos) {
      a = i + 3;
      break;
    }
  }
  a = skip_blanks(f, a);
  while (b > a && (is_blank_char(f[b - 1]) || f[b - 1] == U',')) --b;
  for (bool again = true; again && b > a;) {
    again = false;
    for (std::u32string_view tail : {U"ban hanh kem theo", U"kem theo", U"cua",
                                     U"thuoc", U"tai", U"trong", U"quy dinh"}) {
      if (b - a < tail.size()) continue;
      const size_t at = b - tail.size();
      if (f.substr(at, tail.size()) == tail && word_start(f, at)) {
        b = at;
        while (b > a && is_blank_char(f[b - 1])) --b;
        again = true;
      }
    }
  }
  if (b <= a || b - a > 160 || !starts_part(f.substr(a, b - a))) return {};
  for (size_t i = a; i < b; ++i)
    if (s.quoted[i]) return {};
  return u32_to_utf8(s.text.substr(a, b - a));
}

// For a number after an earlier target: the clause piece before its name.
// A new target when that piece is empty or names a part ("…; Nghị định số",
// "… và Nghị định số", ", Điều 2 Thông tư số"); a number inside the earlier
// target's description otherwise ("… của Nghị định số", "theo Luật số").
bool next_target(const Sentence& s, size_t prev_end, size_t name,
                 std::string& scope) {
  const std::u32string_view f = s.folded;
  size_t piece = npos;
  for (size_t i = name; i-- > prev_end;) {
    if (s.quoted[i]) continue;
    if (f[i] == U';' || f[i] == U',') {
      piece = i + 1;
      break;
    }
    if (word_start(f, i) && match_phrase(f, i, U"va") != npos &&
        i + 2 < f.size()) {
      piece = i + 2;
      break;
    }
  }
  if (piece == npos) return false;
  const size_t a = skip_blanks(f, piece);
  if (a >= name) {
    scope.clear();
    return true;
  }
  scope = scope_in(s, a, name);
  return !scope.empty();
}

// One relation per kind and number: the first sentence kept, the parts
// named by later ones added to its scope ("" — the whole — absorbs parts).
struct Collector {
  std::vector<Relation> out;
  std::map<std::pair<std::string, std::string>, size_t> seen;
  void add(const std::string& kind, const DocNumber& n,
           const std::string& scope, const Sentence& s, size_t b, size_t e) {
    const auto [it, fresh] = seen.insert({{kind, n.key()}, out.size()});
    if (!fresh) {
      std::string& have = out[it->second].scope;
      if (scope.empty()) {
        have.clear();
      } else if (!have.empty() && have.find(scope) == std::string::npos) {
        have += "; " + scope;
      }
      return;
    }
    Relation r;
    r.kind = kind;
    r.target = n.display();
    r.scope = scope;
    r.sentence = sentence_excerpt(s, b, e);
    r.page = s.page;
    out.push_back(std::move(r));
  }
};

// The targets of the governing verb `v` among `numbers`: the first number
// after it (before it for "hết hiệu lực") and those listed with it.
void targets_of(const Sentence& s, const Verb& v, size_t from, size_t to,
                const std::vector<Found>& numbers,
                const std::unordered_set<std::string>& skip, Collector& c) {
  std::string kind = v.form->kind;
  if (!v.form->backward &&
      match_phrase(s.folded, skip_blanks(s.folded, v.end), U"cum tu") != npos)
    kind = "amends";  // wording replaced or struck out: an amendment
  bool first = true;
  size_t prev_end = from;
  for (const Found& n : numbers) {
    if (n.begin < from || n.end > to || n.quoted || skip.count(n.number.key()))
      continue;
    const size_t name = name_start(s, n, from);
    std::string scope;
    if (first) {
      size_t a = v.form->backward ? from : v.end;
      if (v.form->backward) {
        // "…, các quy định … tại Nghị định số": from the clause's start.
        for (size_t i = name; i-- > from;)
          if (s.folded[i] == U',' && !s.quoted[i]) {
            a = i + 1;
            break;
          }
      }
      scope = scope_in(s, a, name);
    } else if (!next_target(s, prev_end, name, scope)) {
      continue;
    }
    c.add(kind, n.number, scope, s, name, n.end);
    first = false;
    prev_end = n.end;
  }
}

// A number that OCR cut short ("20/2020/QĐ-TTị" reads as 20/2020/QĐ: a
// type code and no issuer, which no official number lacks) is the
// document's one full number with the same serial, year and type, when it
// has exactly one; else it stays as read.
void complete_cut_numbers(std::vector<std::vector<Found>>& by_sentence) {
  std::map<std::string, std::set<std::string>> full_by_stem;
  std::map<std::string, DocNumber> full;
  for (const auto& numbers : by_sentence) {
    for (const Found& n : numbers) {
      if (n.number.issuer_code().empty()) continue;
      const std::string key = n.number.key();
      const size_t dash = key.find('-');
      if (dash == std::string::npos) continue;
      full_by_stem[key.substr(0, dash)].insert(key);
      full.emplace(key, n.number);
    }
  }
  for (auto& numbers : by_sentence) {
    for (Found& n : numbers) {
      if (n.number.codes.size() != 1 || n.number.type_code().empty()) continue;
      const auto it = full_by_stem.find(n.number.key());
      if (it != full_by_stem.end() && it->second.size() == 1)
        n.number = full.at(*it->second.begin());
    }
  }
}

}  // namespace

std::vector<Relation> read_relations(const std::vector<Sentence>& sentences,
                                     const std::optional<DocNumber>& own,
                                     const std::vector<std::string>& cites) {
  Collector typed, cited, mentioned;
  std::unordered_set<std::string> skip;
  if (own) skip.insert(own->key());
  std::unordered_set<std::string> cite_keys;
  for (const std::string& c : cites)
    if (auto n = parse_doc_number(c)) cite_keys.insert(n->key());
  const char* pending = nullptr;  // a list announced by "… văn bản sau:"
  std::vector<std::vector<Found>> by_sentence(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    for (NumberMatch& m : find_doc_numbers(s.text))
      by_sentence[i].push_back(
          {m.begin, m.end, std::move(m.number), s.quoted[m.begin]});
  }
  complete_cut_numbers(by_sentence);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    const std::vector<Found>& numbers = by_sentence[i];
    if (!s.list_item) pending = nullptr;
    if (numbers.empty() && !s.ends_with_colon) continue;
    const size_t start = body_start(s);
    const bool is_cite = match_phrase(s.folded, start, U"can cu") != npos ||
                         match_phrase(s.folded, start, U"pursuant to") != npos;
    if (is_cite) {
      for (const Found& n : numbers)
        if (cite_keys.count(n.number.key()) && !skip.count(n.number.key()))
          cited.add("cites", n.number, "", s, n.begin, n.end);
    } else {
      std::vector<Verb> verbs = find_verbs(s);
      mark_governing(s, verbs, numbers);
      size_t prev = 0;
      bool any = false;
      const size_t before = typed.out.size();
      for (size_t k = 0; k < verbs.size(); ++k) {
        const Verb& v = verbs[k];
        if (!v.governs) continue;
        size_t next = s.text.size();
        for (size_t j = k + 1; j < verbs.size(); ++j)
          if (verbs[j].governs && !verbs[j].form->backward) {
            next = verbs[j].begin;
            break;
          }
        if (v.form->backward) {
          targets_of(s, v, prev, v.begin, numbers, skip, typed);
        } else {
          targets_of(s, v, v.end, next, numbers, skip, typed);
        }
        prev = v.end;
        any = true;
      }
      const bool found = typed.out.size() > before;
      if (pending != nullptr && !found) {
        for (const Found& n : numbers) {
          if (n.quoted || skip.count(n.number.key())) continue;
          typed.add(pending, n.number, scope_in(s, start, name_start(s, n, 0)),
                    s, n.begin, n.end);
          break;
        }
      }
      // "Nghị định này thay thế:", "Bãi bỏ các văn bản sau:": the items
      // that follow are the targets ("… như sau:" introduces new text).
      if (any && !found && s.ends_with_colon &&
          !contains(s.folded, U"nhu sau")) {
        for (const Verb& v : verbs)
          if (v.governs) pending = v.form->kind;
      }
    }
    for (const Found& n : numbers)
      if (!skip.count(n.number.key()))
        mentioned.add("mentions", n.number, "", s, n.begin, n.end);
  }
  // A correction ("Đính chính … như sau: 1. Bổ sung dòng …") changes the
  // published text, not the law: what it corrects it does not also amend.
  std::unordered_set<std::string> corrected;
  for (const Relation& r : typed.out)
    if (r.kind == "corrects")
      corrected.insert(parse_doc_number(r.target)->key());
  std::erase_if(typed.out, [&](const Relation& r) {
    return r.kind == "amends" &&
           corrected.count(parse_doc_number(r.target)->key());
  });
  std::unordered_set<std::string> related;
  for (const Relation& r : typed.out)
    related.insert(parse_doc_number(r.target)->key());
  for (const Relation& r : cited.out)
    related.insert(parse_doc_number(r.target)->key());
  std::vector<Relation> out = std::move(typed.out);
  // A cited number the "Căn cứ" sentences did not show (a number the
  // librarian or the file's title gave) is still cited.
  std::unordered_set<std::string> cited_keys;
  for (Relation& r : cited.out) {
    cited_keys.insert(parse_doc_number(r.target)->key());
    out.push_back(std::move(r));
  }
  for (const std::string& c : cites) {
    const auto n = parse_doc_number(c);
    if (n && !cited_keys.count(n->key()) && !skip.count(n->key())) {
      Relation r;
      r.kind = "cites";
      r.target = n->display();
      out.push_back(std::move(r));
      related.insert(n->key());
    }
  }
  for (Relation& r : mentioned.out)
    if (!related.count(parse_doc_number(r.target)->key()))
      out.push_back(std::move(r));
  return out;
}

}  // namespace kb::metadata

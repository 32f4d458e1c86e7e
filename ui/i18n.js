// UI strings in Vietnamese (the default) and English. The chosen language is
// remembered in localStorage. Document data (titles, labels from the server)
// is never translated.

const STRINGS = {
  vi: {
    appTitle: 'vnkb — Tra cứu văn bản chính sách',
    skip: 'Bỏ qua đến nội dung',
    brandHome: 'vnkb — trang đầu',
    searchLabel: 'Tìm văn bản',
    searchPlaceholder: 'Tìm văn bản, số hiệu (vd. 362/2025/NĐ-CP), cụm từ…',
    searchButton: 'Tìm',
    langSwitch: 'English',
    langSwitchLabel: 'Switch to English',
    filters: 'Bộ lọc',
    filtersCount: (n) => (n ? `Bộ lọc (${n})` : 'Bộ lọc'),
    facet_network: 'Mạng lưới',
    facet_topic: 'Chủ đề',
    facet_number: 'Số hiệu',
    facet_type: 'Loại văn bản',
    facet_issuer: 'Cơ quan ban hành',
    facet_year: 'Năm',
    facetMore: (n) => `Xem thêm ${n}`,
    facetLess: 'Thu gọn',
    facetNone: 'Không có giá trị',
    dateRange: 'Khoảng thời gian',
    dateFrom: 'Từ ngày',
    dateTo: 'Đến ngày',
    dateHint: 'Nhập dd/mm/yyyy, mm/yyyy hoặc chỉ năm.',
    dateApply: 'Áp dụng',
    dateInvalid: 'Ngày không hợp lệ: dùng dd/mm/yyyy, mm/yyyy hoặc yyyy.',
    dateOrder: '“Từ ngày” phải trước “Đến ngày”.',
    chipRemove: (label) => `Bỏ lọc: ${label}`,
    chipFrom: 'Từ',
    chipTo: 'Đến',
    clearAll: 'Xóa tất cả bộ lọc',
    sortLabel: 'Sắp xếp',
    sort_relevance: 'Liên quan nhất',
    sort_date_desc: 'Mới nhất',
    sort_date_asc: 'Cũ nhất',
    loading: 'Đang tìm…',
    total: (n) => `${fmtInt(n)} văn bản`,
    totalFor: (n, q) => `${fmtInt(n)} văn bản cho “${q}”`,
    totalAll: (n) => `Tất cả ${fmtInt(n)} văn bản trong kho`,
    showing: (a, b) => `hiển thị ${a}–${b}`,
    suggestion: 'Bạn có muốn tìm:',
    relaxed:
      'Không có văn bản nào chứa đủ mọi từ đã nhập; đang hiển thị các văn bản chứa phần lớn các từ.',
    emptyTitle: 'Không tìm thấy văn bản nào',
    emptyFor: (q) => `Không có văn bản nào khớp với “${q}”.`,
    emptyFilters: 'Không có văn bản nào khớp với các bộ lọc đã chọn.',
    emptyTips: 'Gợi ý: kiểm tra chính tả, dùng ít từ hơn, hoặc bỏ bớt bộ lọc.',
    withoutFilters: (q) => `Tìm “${q}” không kèm bộ lọc`,
    errorTitle: 'Không thực hiện được tìm kiếm',
    errorQuery: 'Câu truy vấn không hợp lệ',
    errorNetwork: 'Không kết nối được với máy chủ. Hãy thử lại.',
    queryHelp:
      'Cú pháp: "cụm từ chính xác", AND, OR, NOT, -từ loại trừ, (nhóm), và tiền tố network: topic: type: issuer: year:.',
    retry: 'Thử lại',
    page: 'tr.',
    pageLong: (n) => `trang ${n}`,
    openOriginal: 'Mở bản gốc',
    openOriginalAt: (n) => `Mở bản gốc tại trang ${n}`,
    pagerLabel: 'Phân trang kết quả',
    prev: '‹ Trước',
    next: 'Sau ›',
    prevLabel: 'Trang trước',
    nextLabel: 'Trang sau',
    pageN: (n) => `Trang ${n}`,
    badgeFilter: (label) => `Lọc theo ${label}`,
    badgesMore: (n) => `Hiện thêm ${n} nhãn`,
    results: 'Kết quả tìm kiếm',
    // document page
    backToResults: '← Quay lại kết quả',
    docLoading: 'Đang tải văn bản…',
    docNotFound: 'Không tìm thấy văn bản',
    meta_type: 'Loại văn bản',
    meta_number: 'Số hiệu',
    meta_issuer: 'Cơ quan ban hành',
    meta_issue_date: 'Ngày ban hành',
    meta_signer: 'Người ký',
    meta_language: 'Ngôn ngữ',
    meta_format: 'Định dạng',
    meta_status: 'Trạng thái',
    meta_pages: 'Số trang',
    meta_file_name: 'Tệp gốc',
    meta_networks: 'Mạng lưới',
    meta_topics: 'Chủ đề',
    status_indexed: 'Đã lập chỉ mục',
    'status_needs-ocr': 'Cần OCR (bản quét)',
    lang_vi: 'Tiếng Việt',
    lang_en: 'Tiếng Anh',
    download: 'Tải bản gốc',
    cites: 'Văn bản được dẫn chiếu',
    citedBy: 'Được dẫn chiếu bởi',
    citesNone: 'Không dẫn chiếu văn bản nào.',
    citedByNone: 'Chưa có văn bản nào trong kho dẫn chiếu văn bản này.',
    notInKb: 'chưa có trong kho',
    text: 'Nội dung',
    textPager: 'Chọn trang nội dung',
    pageOf: (n, total) => `Trang ${n} / ${total}`,
    goToPage: 'Đến trang',
    source_text: 'Văn bản gốc',
    source_ocr: 'Văn bản OCR',
    source_none: 'Bản quét — chưa OCR',
    ocrConfidence: (p) => `độ tin cậy ${p}%`,
    ocrNote: 'Nội dung trang này được nhận dạng tự động (OCR) từ bản quét và có thể sai sót.',
    scannedNote:
      'Trang này là bản quét, chưa được nhận dạng chữ (OCR) nên chưa có nội dung để hiển thị hoặc tìm kiếm.',
    scannedOpen: 'Xem trang này trong bản gốc',
    emptyPage: 'Trang này không có chữ.',
    highlighting: (q) => `Đang tô sáng: “${q}”`,
    clearHighlight: 'Bỏ tô sáng',
    keyboardHint: 'Phím tắt: / tìm kiếm · Esc xóa hoặc đóng · ← → chuyển trang',
  },
  en: {
    appTitle: 'vnkb — Policy document search',
    skip: 'Skip to content',
    brandHome: 'vnkb — home',
    searchLabel: 'Search documents',
    searchPlaceholder: 'Search documents, numbers (e.g. 362/2025/NĐ-CP), phrases…',
    searchButton: 'Search',
    langSwitch: 'Tiếng Việt',
    langSwitchLabel: 'Chuyển sang tiếng Việt',
    filters: 'Filters',
    filtersCount: (n) => (n ? `Filters (${n})` : 'Filters'),
    facet_network: 'Network',
    facet_topic: 'Topic',
    facet_number: 'Decision number',
    facet_type: 'Document type',
    facet_issuer: 'Issuer',
    facet_year: 'Year',
    facetMore: (n) => `Show ${n} more`,
    facetLess: 'Show less',
    facetNone: 'No values',
    dateRange: 'Date range',
    dateFrom: 'From',
    dateTo: 'To',
    dateHint: 'Type dd/mm/yyyy, mm/yyyy or just a year.',
    dateApply: 'Apply',
    dateInvalid: 'Invalid date: use dd/mm/yyyy, mm/yyyy or yyyy.',
    dateOrder: '“From” must come before “To”.',
    chipRemove: (label) => `Remove filter: ${label}`,
    chipFrom: 'From',
    chipTo: 'To',
    clearAll: 'Clear all filters',
    sortLabel: 'Sort by',
    sort_relevance: 'Relevance',
    sort_date_desc: 'Newest first',
    sort_date_asc: 'Oldest first',
    loading: 'Searching…',
    total: (n) => `${fmtInt(n)} ${n === 1 ? 'document' : 'documents'}`,
    totalFor: (n, q) => `${fmtInt(n)} ${n === 1 ? 'document' : 'documents'} for “${q}”`,
    totalAll: (n) => `All ${fmtInt(n)} documents in the collection`,
    showing: (a, b) => `showing ${a}–${b}`,
    suggestion: 'Did you mean:',
    relaxed: 'No document contains every word; showing documents that contain most of them.',
    emptyTitle: 'No documents found',
    emptyFor: (q) => `No document matches “${q}”.`,
    emptyFilters: 'No document matches the selected filters.',
    emptyTips: 'Tips: check the spelling, use fewer words, or remove some filters.',
    withoutFilters: (q) => `Search “${q}” without filters`,
    errorTitle: 'The search could not be run',
    errorQuery: 'Invalid query',
    errorNetwork: 'Could not reach the server. Please try again.',
    queryHelp:
      'Syntax: "exact phrase", AND, OR, NOT, -excluded, (groups), and the prefixes network: topic: type: issuer: year:.',
    retry: 'Retry',
    page: 'p.',
    pageLong: (n) => `page ${n}`,
    openOriginal: 'Open original',
    openOriginalAt: (n) => `Open the original at page ${n}`,
    pagerLabel: 'Result pages',
    prev: '‹ Previous',
    next: 'Next ›',
    prevLabel: 'Previous page',
    nextLabel: 'Next page',
    pageN: (n) => `Page ${n}`,
    badgeFilter: (label) => `Filter by ${label}`,
    badgesMore: (n) => `Show ${n} more tags`,
    results: 'Search results',
    backToResults: '← Back to results',
    docLoading: 'Loading document…',
    docNotFound: 'Document not found',
    meta_type: 'Type',
    meta_number: 'Number',
    meta_issuer: 'Issuer',
    meta_issue_date: 'Issue date',
    meta_signer: 'Signed by',
    meta_language: 'Language',
    meta_format: 'Format',
    meta_status: 'Status',
    meta_pages: 'Pages',
    meta_file_name: 'Original file',
    meta_networks: 'Networks',
    meta_topics: 'Topics',
    status_indexed: 'Indexed',
    'status_needs-ocr': 'Needs OCR (scanned)',
    lang_vi: 'Vietnamese',
    lang_en: 'English',
    download: 'Download original',
    cites: 'Documents it cites',
    citedBy: 'Cited by',
    citesNone: 'It cites no document.',
    citedByNone: 'No document in the collection cites it yet.',
    notInKb: 'not in the collection',
    text: 'Text',
    textPager: 'Choose a page of the text',
    pageOf: (n, total) => `Page ${n} of ${total}`,
    goToPage: 'Go to page',
    source_text: 'Original text',
    source_ocr: 'OCR text',
    source_none: 'Scanned — needs OCR',
    ocrConfidence: (p) => `confidence ${p}%`,
    ocrNote: 'This page was read from a scan by OCR and may contain errors.',
    scannedNote: 'This page is a scan that has not been OCR’d yet, so it has no text to show or search.',
    scannedOpen: 'View this page in the original',
    emptyPage: 'This page has no text.',
    highlighting: (q) => `Highlighting: “${q}”`,
    clearHighlight: 'Clear highlight',
    keyboardHint: 'Shortcuts: / search · Esc clear or close · ← → change page',
  },
};

const KEY = 'vnkb.lang';
let current = 'vi';
try {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'vi') current = saved;
} catch {
  // storage unavailable: keep the default
}

function fmtInt(n) {
  return Number(n).toLocaleString(current === 'en' ? 'en-US' : 'vi-VN');
}

export function lang() {
  return current;
}

export function setLang(l) {
  current = l === 'en' ? 'en' : 'vi';
  try {
    localStorage.setItem(KEY, current);
  } catch {
    // ignore
  }
}

// t('key', ...args): a string, or the result of a string function.
export function t(key, ...args) {
  const v = STRINGS[current][key] ?? STRINGS.vi[key];
  if (typeof v === 'function') return v(...args);
  return v ?? key;
}

// 2025-09-19 -> 19/09/2025 (Vietnamese style, in both languages).
export function fmtDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso || '';
}

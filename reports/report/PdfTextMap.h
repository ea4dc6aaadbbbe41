#pragma once

#include <QByteArray>

namespace crm {

// Repairs the text maps (ToUnicode CMaps) of a PDF written by Qt 6.4's QPdfWriter, so text copied or
// extracted from a report reads as it was written.
//
// Qt builds each embedded font's map by asking, for every code point from U+0000 up, which glyph it
// draws, and keeps the first code point per glyph (QFontSubset::getReverseMap). Noto Sans CJK draws
// the Kangxi radicals (U+2F00-2FDF) and the CJK radicals supplement (U+2E80-2EFF) with the glyph of the
// ideograph they look like, and those blocks come first: "至" came out of pdftotext and copy-paste as
// "⾄" (U+2F84), "生" as "⽣", "金" as "⾦" (common words of every Chinese report). Each such
// destination is replaced by the ideograph it stands for (its compatibility decomposition; for the door
// radical ⼾ the 户 Noto Sans CJK SC draws it as), written
// with the same number of hex digits, so every byte offset of the file (xref, stream lengths) stays
// valid. Qt writes these maps uncompressed; a file without them is left as it is.
class PdfTextMap
{
public:
    // Returns how many destinations were replaced.
    static int repair(QByteArray &pdf);
};

} // namespace crm

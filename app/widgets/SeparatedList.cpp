#include "widgets/SeparatedList.h"

namespace hm::app {

namespace {

// Letters and digits outside the CJK scripts: what reads as a Latin word.
bool isLatinWord(QChar c)
{
    return c.isLetterOrNumber() && c.script() != QChar::Script_Han &&
           c.script() != QChar::Script_Hiragana && c.script() != QChar::Script_Katakana &&
           c.script() != QChar::Script_Hangul;
}

// A CJK character that is a word (和, 及, 或), not punctuation (、，).
bool isCjkWord(QChar c)
{
    return c.isLetter() &&
           (c.script() == QChar::Script_Han || c.script() == QChar::Script_Hiragana ||
            c.script() == QChar::Script_Katakana || c.script() == QChar::Script_Hangul);
}

} // namespace

QString separatedList(const QStringList &items, const QLocale &locale)
{
    if (items.size() < 2)
        return locale.createSeparatedList(items);
    // The locale's pattern with a marker per item, then the items put back
    // with a space wherever a Latin edge meets a CJK word of the pattern.
    // U+E000.. are private-use characters no locale's pattern contains.
    QStringList markers;
    markers.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        markers.append(QString(QChar(0xE000 + int(i % 0x1000))));
    const QString pattern = locale.createSeparatedList(markers);
    QString out;
    out.reserve(pattern.size() + 16 * items.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        const int index = c.unicode() - 0xE000;
        if (index < 0 || index >= items.size()) {
            out.append(c);
            continue;
        }
        const QString &item = items.at(index);
        if (!item.isEmpty() && i > 0 && isCjkWord(pattern.at(i - 1)) && isLatinWord(item.front()))
            out.append(u' ');
        out.append(item);
        if (!item.isEmpty() && i + 1 < pattern.size() && isCjkWord(pattern.at(i + 1)) &&
            isLatinWord(item.back()))
            out.append(u' ');
    }
    return out;
}

} // namespace hm::app

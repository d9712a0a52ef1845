#pragma once

// "A, B and C" in the UI language, as QLocale::createSeparatedList says it,
// with one difference: Chinese (and Japanese) lists join with "和" and "、"
// and no spaces, so Latin names run into the conjunction ("Docker和Nginx").
// Here a space goes between a Latin letter or digit at an item's edge and a
// CJK character of the joining text next to it ("Docker 和 Nginx"), the
// spacing the translations use everywhere else; the enumeration comma "、"
// is punctuation and takes none.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace hm::app {

QString separatedList(const QStringList &items, const QLocale &locale = QLocale());

} // namespace hm::app

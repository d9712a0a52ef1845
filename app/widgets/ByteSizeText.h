#pragma once

// Sizes as the console shows them: "22 bytes", "4.77 MiB", "4 MiB", "462 MiB", in
// the current UI language. QLocale::formattedDataSize says "22 byte" (no
// plural, zh_TW's data untranslated) and "1,016.0 KiB"; here a unit is
// chosen so the number stays below 1000 and carries three significant
// digits at most, the same in every panel.

#include <QCoreApplication>
#include <QString>

namespace hm::app {

class ByteSizeText
{
    Q_DECLARE_TR_FUNCTIONS(ByteSizeText)

public:
    // Powers of 1024 with IEC symbols (KiB, MiB, GiB, TiB); bytes in words.
    static QString format(qint64 bytes);
};

} // namespace hm::app

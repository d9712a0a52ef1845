#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace hm::app {

// Which CJK fonts draw Han characters. The same character has different
// glyph forms in Traditional Chinese, Simplified Chinese, Japanese and
// Korean fonts, and fontconfig's own fallback picks whichever CJK font it
// lists first (often Japanese), so Chinese node names came out with
// Japanese forms. These lists put the right variant first.
namespace CjkFontFallbacks {

// Proportional families for UI text in `language` ("en", "zh_TW",
// "zh_CN"); for English, the variant of the system locale's language
// (Chinese by territory or script, Japanese, Korean), else Simplified then
// Traditional Chinese.
QStringList uiFamilies(const QString &language, const QLocale &system);

// The same order for fixed-width text: each variant's monospaced CJK
// family first, then the proportional ones.
QStringList fixedFamilies(const QString &language, const QLocale &system);

// Installs the lists: `ui` after the platform's UI font on the
// application font, `fixed` as substitutes of the fixed-width families
// (QFontDatabase's fixed font, "monospace"), which Qt then tries for
// characters the first family lacks. Replaces what an earlier call set.
void apply(const QStringList &baseUiFamilies, const QStringList &ui, const QStringList &fixed);

// The family names whose substitutes `apply` sets for fixed-width text.
QStringList fixedFontNames();

} // namespace CjkFontFallbacks

} // namespace hm::app

#pragma once

namespace hm::app {

// Makes Qt forget the font engines it has loaded, so that fonts made from
// now on resolve their families again.
//
// Qt caches a font's engines under its first family and size, without the
// rest of its families list. When a language switch changes only the CJK
// fallbacks after the UI family (CjkFontFallbacks), a Han character at a
// size already drawn kept the previous language's glyph forms (門 and 骨 in
// Traditional forms under zh_CN) until a restart. Adding an application font
// and removing it again is the public way to have Qt clear those caches: it
// adds a one-glyph font of its own (resources/fonts, made by
// tools/make-font-cache-reset.py) that nothing draws with.
//
// Returns false, logging why, if the platform refused the font; the caches
// then stay as they were.
bool dropCachedFontEngines();

} // namespace hm::app

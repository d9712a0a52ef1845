#pragma once

// The server's own translation catalogues (translations/hivemind_server_*.ts,
// compiled in under :/i18n), apart from the console's. One QTranslator per
// language, loaded once and only read afterwards; nothing is installed on
// the application, so requests in different languages never share a
// translator. Texts are marked with QT_TRANSLATE_NOOP("Context", "text") so
// that lupdate over server/ finds them.

#include "server/i18n/ServerLanguage.h"

#include <QString>

namespace hm::server::i18n {

// The translation of `source` in `context`; the source itself in English,
// or when the catalogue has no translation for it. Any thread.
QString translate(Language language, const char *context, const char *source);

// Whether the catalogue of `language` was found (English always is).
bool catalogueLoaded(Language language);

} // namespace hm::server::i18n

#pragma once

// The languages the server speaks to people (the public status page, alert
// e-mails): English, Traditional and Simplified Chinese, as the console.
// Chosen per request or per channel, never process-wide: one server answers
// several languages at once.

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <optional>

namespace hm::server::i18n {

enum class Language
{
    En,
    ZhTw,
    ZhCn
};

// A language tag as people and browsers write it: "en", "en-GB" → En;
// "zh-TW", "zh-Hant", "zh-HK", "zh-MO" → ZhTw; "zh", "zh-CN", "zh-Hans",
// "zh-SG" → ZhCn. Case and "_" for "-" do not matter. nullopt for anything
// else.
std::optional<Language> parseLanguageTag(QStringView tag);
// The first language of an Accept-Language header (RFC 9110: by q-value,
// then by order; q=0 excluded) that the server speaks; En when none.
Language fromAcceptLanguage(const QByteArray &header);
// ?lang= when it names a language, else the Accept-Language header.
Language requestLanguage(const QString &langParameter, const QByteArray &acceptLanguage);

// "en", "zh-TW", "zh-CN": the HTML lang attribute, Content-Language and the
// value an e-mail channel stores.
QString languageTag(Language language);
// "en", "zh_TW", "zh_CN": the catalogue's suffix.
QString catalogueSuffix(Language language);

} // namespace hm::server::i18n

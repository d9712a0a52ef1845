#include "server/i18n/ServerLanguage.h"

#include <QList>
#include <algorithm>

namespace hm::server::i18n {

std::optional<Language> parseLanguageTag(QStringView tag)
{
    QString t = tag.trimmed().toString().toLower();
    t.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (t.isEmpty())
        return std::nullopt;
    const QString primary = t.section(QLatin1Char('-'), 0, 0);
    if (primary == QLatin1String("en"))
        return Language::En;
    if (primary != QLatin1String("zh"))
        return std::nullopt;
    // Script subtags first ("zh-Hant-CN" is still Traditional), then
    // regions where Traditional characters are the norm.
    const QStringList parts = t.split(QLatin1Char('-'));
    if (parts.contains(QLatin1String("hant")))
        return Language::ZhTw;
    if (parts.contains(QLatin1String("hans")))
        return Language::ZhCn;
    for (const char *region : {"tw", "hk", "mo"}) {
        if (parts.contains(QLatin1String(region)))
            return Language::ZhTw;
    }
    return Language::ZhCn;
}

Language fromAcceptLanguage(const QByteArray &header)
{
    struct Choice
    {
        Language language;
        double q;
        qsizetype order;
    };
    QList<Choice> choices;
    const QList<QByteArray> items = header.split(',');
    // Bounded: a header is a short list, and a hostile one is cut short.
    for (qsizetype i = 0; i < items.size() && i < 32; ++i) {
        const QList<QByteArray> parts = items.at(i).split(';');
        double q = 1.0;
        for (qsizetype p = 1; p < parts.size(); ++p) {
            const QByteArray param = parts.at(p).trimmed();
            if (param.startsWith("q=")) {
                bool ok = false;
                q = param.mid(2).toDouble(&ok);
                if (!ok)
                    q = 0;
            }
        }
        if (q <= 0)
            continue;
        const auto language = parseLanguageTag(QString::fromLatin1(parts.at(0)));
        if (language)
            choices.append({*language, q, i});
    }
    if (choices.isEmpty())
        return Language::En;
    std::stable_sort(choices.begin(), choices.end(),
                     [](const Choice &a, const Choice &b) { return a.q > b.q; });
    return choices.first().language;
}

Language requestLanguage(const QString &langParameter, const QByteArray &acceptLanguage)
{
    if (const auto chosen = parseLanguageTag(langParameter))
        return *chosen;
    return fromAcceptLanguage(acceptLanguage);
}

QString languageTag(Language language)
{
    switch (language) {
    case Language::ZhTw:
        return QStringLiteral("zh-TW");
    case Language::ZhCn:
        return QStringLiteral("zh-CN");
    case Language::En:
        break;
    }
    return QStringLiteral("en");
}

QString catalogueSuffix(Language language)
{
    QString tag = languageTag(language);
    tag.replace(QLatin1Char('-'), QLatin1Char('_'));
    return tag;
}

} // namespace hm::server::i18n

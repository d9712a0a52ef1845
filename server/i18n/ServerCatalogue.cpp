#include "server/i18n/ServerCatalogue.h"

#include "common/Logging.h"

#include <QTranslator>
#include <array>
#include <memory>

namespace hm::server::i18n {

namespace {

// The Chinese catalogues, loaded at first use. Never freed: a translation
// may be asked for up to the end of the process, from any thread (loaded
// translators are only read).
class ServerCatalogues
{
public:
    ServerCatalogues()
    {
        for (const Language language : {Language::ZhTw, Language::ZhCn}) {
            auto translator = std::make_unique<QTranslator>();
            const QString file = QStringLiteral("hivemind_server_") + catalogueSuffix(language);
            if (translator->load(file, QStringLiteral(":/i18n"))) {
                m_translators[index(language)] = std::move(translator);
            } else {
                qCWarning(lcServer).noquote()
                    << "no server catalogue" << file << "- its texts stay in English";
            }
        }
    }
    const QTranslator *translator(Language language) const
    {
        return m_translators[index(language)].get();
    }

private:
    static std::size_t index(Language language) { return std::size_t(language); }
    std::array<std::unique_ptr<QTranslator>, 3> m_translators;
};

const ServerCatalogues &serverCatalogues()
{
    static const ServerCatalogues *catalogues = new ServerCatalogues;
    return *catalogues;
}

} // namespace

QString translate(Language language, const char *context, const char *source)
{
    if (language != Language::En) {
        if (const QTranslator *t = serverCatalogues().translator(language)) {
            const QString translated = t->translate(context, source);
            if (!translated.isEmpty())
                return translated;
        }
    }
    return QString::fromUtf8(source);
}

bool catalogueLoaded(Language language)
{
    return language == Language::En || serverCatalogues().translator(language) != nullptr;
}

} // namespace hm::server::i18n

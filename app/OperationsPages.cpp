#include "OperationsPages.h"

#include "DashboardPage.h"
#include "LanguageManager.h"
#include "ServerConnection.h"
#include "ServerProfiles.h"
#include "ThemeManager.h"
#include "operations/AuditLogsPage.h"
#include "operations/DashboardOverview.h"
#include "operations/SettingsPage.h"

namespace hm::app {

namespace {

// The client a page may use: only a signed-in one.
hm::client::ApiClient *signedInClient(ServerConnection *connection)
{
    return connection->state() == ServerConnection::State::Connected && connection->isSignedIn()
               ? connection->client()
               : nullptr;
}

template <typename Apply>
void followSession(ServerConnection *connection, QObject *page, Apply apply)
{
    QObject::connect(connection, &ServerConnection::signedInChanged, page, apply);
    QObject::connect(connection, &ServerConnection::stateChanged, page, apply);
    apply();
}

} // namespace

QWidget *createOperationsPage(const QString &sectionId, const OperationsContext &context,
                              QWidget *parent)
{
    ServerConnection *connection = context.connection;
    if (sectionId == QLatin1String("dashboard")) {
        auto *page = new DashboardPage(connection, parent);
        DashboardOverview *overview = page->overview();
        followSession(connection, overview,
                      [connection, overview] { overview->setClient(signedInClient(connection)); });
        if (context.openExecution)
            QObject::connect(overview, &DashboardOverview::openExecution, page,
                             context.openExecution);
        return page;
    }
    if (sectionId == QLatin1String("audit")) {
        auto *page = new AuditLogsPage(parent);
        followSession(connection, page, [connection, page] {
            page->setClient(signedInClient(connection), connection->user().role);
        });
        return page;
    }
    if (sectionId == QLatin1String("settings")) {
        auto *page = new SettingsPage(parent);
        QList<SettingsPage::Language> languages;
        for (const LanguageManager::Language &l : LanguageManager::languages())
            languages.append({l.code, l.nativeName});
        LanguageManager *manager = context.languages;
        page->setLanguages(languages, manager ? manager->currentLanguage() : QString());
        if (manager) {
            QObject::connect(manager, &LanguageManager::languageChanged, page,
                             &SettingsPage::setCurrentLanguage);
            const bool persist = context.persistSettings;
            QObject::connect(page, &SettingsPage::languageRequested, manager,
                             [manager, persist](const QString &code) {
                                 manager->setLanguage(code, persist ? LanguageManager::Persist::Yes
                                                                    : LanguageManager::Persist::No);
                             });
        }
        if (ThemeManager *themes = context.themes) {
            page->setCurrentTheme(ThemeManager::modeName(themes->mode()));
            QObject::connect(themes, &ThemeManager::modeChanged, page,
                             [page](ThemeManager::Mode mode) {
                                 page->setCurrentTheme(ThemeManager::modeName(mode));
                             });
            const bool persist = context.persistSettings;
            QObject::connect(page, &SettingsPage::themeRequested, themes,
                             [themes, persist](const QString &mode) {
                                 themes->setMode(ThemeManager::modeFromName(mode),
                                                 persist ? ThemeManager::Persist::Yes
                                                         : ThemeManager::Persist::No);
                             });
        }
        const auto showProfiles = [page] {
            QStringList lines;
            for (const ServerProfile &p : ServerProfiles::load())
                lines.append(QStringLiteral("%1 — %2").arg(p.name, p.url.toString()));
            page->setProfiles(lines);
        };
        showProfiles();
        page->setDataDirectory(connection->dataDir());
        followSession(connection, page, [connection, page, showProfiles] {
            page->setClient(signedInClient(connection), connection->user().role);
            showProfiles();
        });
        return page;
    }
    return nullptr;
}

} // namespace hm::app

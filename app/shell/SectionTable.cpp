// The console's section table: one row per section, in navigation order,
// with its texts, icon, required role and the factory that makes its page
// and wires it to the shell (SectionHost) — the only place that names the
// sections' classes. Adding a section: a folder with a page that implements
// SectionPage (widgets/SectionPage.h), its library linked to hivemind_app,
// and one row here (or registerSection() before the window is made).

#include "admin/UsersPage.h"
#include "components/ComponentsPage.h"
#include "connection/ServerConnection.h"
#include "connection/ServerProfiles.h"
#include "credentials/CredentialsPage.h"
#include "dashboard/DashboardOverview.h"
#include "dashboard/DashboardPage.h"
#include "executions/ExecutionsPage.h"
#include "fleet/AlertNotifier.h"
#include "fleet/AlertsPage.h"
#include "fleet/NodesPage.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowsPage.h"
#include "operations/AuditLogsPage.h"
#include "operations/SettingsPage.h"
#include "services/ServicesPage.h"
#include "shell/LanguageManager.h"
#include "shell/Sections.h"
#include "vpn/VpnPage.h"
#include "widgets/IconBadge.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QLabel>

namespace hm::app {

namespace {

Section section(const char *id, const char *title, const char *description,
                QString requiredRole = {}, QString requiredFeature = {})
{
    const QString sectionId = QString::fromLatin1(id);
    return Section{sectionId,
                   title,
                   description,
                   QStringLiteral(":/icons/") + sectionId + QStringLiteral(".svg"),
                   std::move(requiredRole),
                   std::move(requiredFeature)};
}

SectionPage *makeDashboard(const SectionContext &context, QWidget *parent)
{
    auto *page = new DashboardPage(
        context.connection,
        [] {
            const Section *section = findSection(QStringLiteral("dashboard"));
            return section ? std::pair(section->translatedTitle(), section->translatedDescription())
                           : std::pair(QString(), QString());
        },
        parent);
    SectionHost *host = context.host;
    QObject::connect(
        page->overview(), &DashboardOverview::openExecution, page,
        [host](const QString &id) { host->openInSection(QStringLiteral("executions"), id); });
    QObject::connect(
        page->overview(), &DashboardOverview::openAlert, page,
        [host](const QString &id) { host->openInSection(QStringLiteral("alerts"), id); });
    QObject::connect(page->overview(), &DashboardOverview::showAllAlerts, page,
                     [host] { host->selectSection(QStringLiteral("alerts")); });
    return page;
}

SectionPage *makeFlows(const SectionContext &context, QWidget *parent)
{
    auto *page = new FlowsPage(context.connection->client(), parent);
    SectionHost *host = context.host;
    QObject::connect(page, &FlowsPage::activationRequested, page,
                     [host] { host->selectSection(QStringLiteral("flows")); });
    // A run shows its execution, unless that would leave unsaved edits
    // (the editor's banner names it then).
    QObject::connect(page, &FlowsPage::executionStarted, page, [page, host](const QString &id) {
        if (!page->editorPage()->isModified())
            host->openInSection(QStringLiteral("executions"), id);
    });
    return page;
}

SectionPage *makeExecutions(const SectionContext &context, QWidget *parent)
{
    auto *page = new ExecutionsPage(parent);
    SectionHost *host = context.host;
    QObject::connect(page, &ExecutionsPage::showFlowsRequested, page,
                     [host] { host->selectSection(QStringLiteral("flows")); });
    return page;
}

SectionPage *makeComponents(const SectionContext &, QWidget *parent)
{
    return new ComponentsPage(parent);
}

SectionPage *makeServices(const SectionContext &, QWidget *parent)
{
    return new ServicesPage(parent);
}

SectionPage *makeCredentials(const SectionContext &context, QWidget *parent)
{
    auto *page = new CredentialsPage(parent);
    SectionHost *host = context.host;
    // "Used by" opens the Services section with that service selected.
    QObject::connect(page, &CredentialsPage::serviceRequested, page,
                     [host](const QString &serviceId) {
                         host->openInSection(QStringLiteral("services"), serviceId);
                     });
    return page;
}

// A section still being built shows its icon above what it will hold
// (the badge is the shell's: it follows the theme).
// How many nodes the list shows is the page's to say, under the list: the
// status bar is for the connection, the user and long work (console.md
// "Window"), so the page does not tell the shell its state.
SectionPage *makeNodes(const SectionContext &, QWidget *parent)
{
    // Its "no nodes yet" state shows the section's icon, as the planned
    // sections' do.
    auto *page = new NodesPage(parent);
    page->emptyState()->setBadge(createIconBadge(QStringLiteral(":/icons/nodes.svg"), 72, page));
    return page;
}

SectionPage *makeVpn(const SectionContext &, QWidget *parent)
{
    auto *page = new VpnPage(parent);
    page->emptyState()->setBadge(createIconBadge(QStringLiteral(":/icons/vpn.svg"), 72, page));
    return page;
}

SectionPage *makeAlerts(const SectionContext &context, QWidget *parent)
{
    auto *page = new AlertsPage(parent);
    for (SectionEmptyState *state : {page->emptyState(), page->rulesEmptyState()})
        state->setBadge(createIconBadge(QStringLiteral(":/icons/alerts.svg"), 72, page));
    SectionHost *host = context.host;
    // An alert's node, the record a notification is about, and the
    // notification's words in the status bar (where there is no tray).
    QObject::connect(page, &AlertsPage::nodeRequested, page, [host](const QString &nodeId) {
        host->openInSection(QStringLiteral("nodes"), nodeId);
    });
    QObject::connect(page->notifier(), &AlertNotifier::recordClicked, page,
                     [host](const QString &recordId) {
                         host->openInSection(QStringLiteral("alerts"), recordId);
                     });
    QObject::connect(
        page->notifier(), &AlertNotifier::alertRaised, page,
        [host](const QString &title, const QString &message) {
            host->showNotice(
                QCoreApplication::translate("Sections", "%1 — %2").arg(title, message));
        });
    return page;
}

SectionPage *makeAudit(const SectionContext &, QWidget *parent)
{
    return new AuditLogsPage(parent);
}

SectionPage *makeUsers(const SectionContext &context, QWidget *parent)
{
    auto *page = new UsersPage(parent);
    SectionHost *host = context.host;
    QObject::connect(page, &UsersPage::accountRequested, page, [host] { host->openAccount(); });
    return page;
}

SectionPage *makeSettings(const SectionContext &context, QWidget *parent)
{
    auto *page = new SettingsPage(parent);
    QList<SettingsPage::Language> languages;
    for (const LanguageManager::Language &l : LanguageManager::languages())
        languages.append({l.code, l.nativeName});
    LanguageManager *manager = context.languages;
    page->setLanguages(languages, manager ? manager->currentLanguage() : QString());
    const bool persist = context.persistSettings;
    // A backup task's progress and its end in the status bar.
    SectionHost *host = context.host;
    QObject::connect(page, &SettingsPage::stateTextChanged, page,
                     [host] { host->sectionStateChanged(); });
    QObject::connect(page, &SettingsPage::notice, page,
                     [host](const QString &text) { host->showNotice(text); });
    if (manager) {
        QObject::connect(manager, &LanguageManager::languageChanged, page,
                         &SettingsPage::setCurrentLanguage);
        QObject::connect(page, &SettingsPage::languageRequested, manager,
                         [manager, persist](const QString &code) {
                             manager->setLanguage(code, persist ? LanguageManager::Persist::Yes
                                                                : LanguageManager::Persist::No);
                         });
    }
    if (ThemeManager *themes = context.themes) {
        page->setCurrentTheme(ThemeManager::modeName(themes->mode()));
        QObject::connect(themes, &ThemeManager::modeChanged, page, [page](ThemeManager::Mode mode) {
            page->setCurrentTheme(ThemeManager::modeName(mode));
        });
        QObject::connect(
            page, &SettingsPage::themeRequested, themes, [themes, persist](const QString &mode) {
                themes->setMode(ThemeManager::modeFromName(mode),
                                persist ? ThemeManager::Persist::Yes : ThemeManager::Persist::No);
            });
    }
    // The console's server profiles, read again whenever the connection or
    // the sign-in changes (a profile added or switched to).
    const auto showProfiles = [page] {
        QStringList lines;
        for (const ServerProfile &p : ServerProfiles::load())
            lines.append(QStringLiteral("%1 — %2").arg(p.name, p.url.toString()));
        page->setProfiles(lines);
    };
    showProfiles();
    ServerConnection *connection = context.connection;
    page->setDataDirectory(connection->dataDir());
    QObject::connect(connection, &ServerConnection::signedInChanged, page, showProfiles);
    QObject::connect(connection, &ServerConnection::stateChanged, page, showProfiles);
    return page;
}

} // namespace

QList<SectionEntry> builtInSections()
{
    return {
        {section("dashboard", QT_TRANSLATE_NOOP("Sections", "Dashboard"),
                 QT_TRANSLATE_NOOP("Sections", "An overview of this HiveMind installation.")),
         makeDashboard},
        {section("flows", QT_TRANSLATE_NOOP("Sections", "Flows"),
                 QT_TRANSLATE_NOOP("Sections", "Workflows you design as graphs of components, "
                                               "with their versions, triggers and sharing.")),
         makeFlows},
        {section("executions", QT_TRANSLATE_NOOP("Sections", "Executions"),
                 QT_TRANSLATE_NOOP("Sections", "Every run of a flow, with the status, inputs and "
                                               "outputs of each node as it happens.")),
         makeExecutions},
        {section("components", QT_TRANSLATE_NOOP("Sections", "Components"),
                 QT_TRANSLATE_NOOP("Sections", "The catalogue of built-in and HTTP components "
                                               "that flows are built from.")),
         makeComponents},
        {section("services", QT_TRANSLATE_NOOP("Sections", "Services"),
                 QT_TRANSLATE_NOOP("Sections", "External REST services imported from OpenAPI "
                                               "documents, with their endpoints and schemas.")),
         makeServices},
        {section("credentials", QT_TRANSLATE_NOOP("Sections", "Credentials"),
                 QT_TRANSLATE_NOOP("Sections", "Encrypted secrets used by flows and services; "
                                               "they can be replaced but never shown again.")),
         makeCredentials},
        {section("nodes", QT_TRANSLATE_NOOP("Sections", "Nodes"),
                 QT_TRANSLATE_NOOP("Sections", "Servers and worker machines running the HiveMind "
                                               "agent, with their metrics, processes and "
                                               "terminal."),
                 {}, QStringLiteral("fleet")),
         makeNodes},
        {section("vpn", QT_TRANSLATE_NOOP("Sections", "VPN"),
                 QT_TRANSLATE_NOOP("Sections", "WireGuard servers and clients, address pools and "
                                               "BGP sessions that connect the fleet.")),
         makeVpn},
        {section("alerts", QT_TRANSLATE_NOOP("Sections", "Alerts"),
                 QT_TRANSLATE_NOOP("Sections", "Alert rules, notification channels and the "
                                               "history of alerts that fired."),
                 {}, QStringLiteral("alerts")),
         makeAlerts},
        {section("audit", QT_TRANSLATE_NOOP("Sections", "Audit & Logs"),
                 QT_TRANSLATE_NOOP("Sections", "Who changed what and when, and the server's "
                                               "logs, searchable and exportable.")),
         makeAudit},
        {section("users", QT_TRANSLATE_NOOP("Sections", "Users"),
                 QT_TRANSLATE_NOOP("Sections", "Accounts, roles, API keys and two-factor "
                                               "authentication.")),
         makeUsers},
        {section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"),
                 QT_TRANSLATE_NOOP("Sections", "Server configuration, backups and cluster "
                                               "settings.")),
         makeSettings},
    };
}

} // namespace hm::app

#include "Sections.h"

#include <QCoreApplication>

namespace hm::app {

namespace {

Section make(const char *id, const char *title, const char *description)
{
    const QString sectionId = QString::fromLatin1(id);
    return Section{sectionId, title, description,
                   QStringLiteral(":/icons/") + sectionId + QStringLiteral(".svg")};
}

} // namespace

QString Section::translatedTitle() const
{
    return QCoreApplication::translate("Sections", title);
}

QString Section::translatedDescription() const
{
    return QCoreApplication::translate("Sections", description);
}

const QList<Section> &sections()
{
    static const QList<Section> all = {
        make("dashboard", QT_TRANSLATE_NOOP("Sections", "Dashboard"),
             QT_TRANSLATE_NOOP("Sections", "An overview of this HiveMind installation.")),
        make("flows", QT_TRANSLATE_NOOP("Sections", "Flows"),
             QT_TRANSLATE_NOOP("Sections", "Workflows you design as graphs of components, with "
                                           "their versions, triggers and sharing.")),
        make("executions", QT_TRANSLATE_NOOP("Sections", "Executions"),
             QT_TRANSLATE_NOOP("Sections", "Every run of a flow, with the status, inputs and "
                                           "outputs of each node as it happens.")),
        make("components", QT_TRANSLATE_NOOP("Sections", "Components"),
             QT_TRANSLATE_NOOP("Sections", "The catalogue of built-in and HTTP components that "
                                           "flows are built from.")),
        make("services", QT_TRANSLATE_NOOP("Sections", "Services"),
             QT_TRANSLATE_NOOP("Sections", "External REST services imported from OpenAPI "
                                           "documents, with their endpoints and schemas.")),
        make("credentials", QT_TRANSLATE_NOOP("Sections", "Credentials"),
             QT_TRANSLATE_NOOP("Sections", "Encrypted secrets used by flows and services; they "
                                           "can be replaced but never shown again.")),
        make("nodes", QT_TRANSLATE_NOOP("Sections", "Nodes"),
             QT_TRANSLATE_NOOP("Sections", "Servers and worker machines running the HiveMind "
                                           "agent, with their metrics, processes and terminal.")),
        make("vpn", QT_TRANSLATE_NOOP("Sections", "VPN"),
             QT_TRANSLATE_NOOP("Sections", "WireGuard servers and clients, address pools and BGP "
                                           "sessions that connect the fleet.")),
        make("alerts", QT_TRANSLATE_NOOP("Sections", "Alerts"),
             QT_TRANSLATE_NOOP("Sections", "Alert rules, notification channels and the history "
                                           "of alerts that fired.")),
        make("audit", QT_TRANSLATE_NOOP("Sections", "Audit & Logs"),
             QT_TRANSLATE_NOOP("Sections", "Who changed what and when, and the server's logs, "
                                           "searchable and exportable.")),
        make("users", QT_TRANSLATE_NOOP("Sections", "Users"),
             QT_TRANSLATE_NOOP("Sections", "Accounts, roles, API keys and two-factor "
                                           "authentication.")),
        make("settings", QT_TRANSLATE_NOOP("Sections", "Settings"),
             QT_TRANSLATE_NOOP("Sections", "Server configuration, backups and cluster "
                                           "settings.")),
    };
    return all;
}

const Section *findSection(const QString &id)
{
    for (const Section &section : sections()) {
        if (section.id == id)
            return &section;
    }
    return nullptr;
}

} // namespace hm::app

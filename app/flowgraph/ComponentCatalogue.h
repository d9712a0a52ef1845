#pragma once

#include "common/Result.h"
#include "flow/ComponentCatalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::app {

// One endpoint of a registered external service, as the palette lists it
// and the inspector offers it to a service node (docs/services.md, "The
// flow editor").
struct ServiceEndpointEntry
{
    QString serviceId;
    QString serviceName;
    QString endpointId;
    QString name;
    QString method;
    QString path;
    QString summary;

    bool operator==(const ServiceEndpointEntry &) const = default;
};

// The component a service endpoint is called through, and a node's config
// naming the endpoint.
inline const QString kServiceComponentName = QStringLiteral("service");
QJsonObject serviceNodeConfig(const QString &serviceId, const QString &endpointId);

// The components the editor knows, as the server lists them
// (GET /api/v1/components, docs/api.md "Components"): each item is a
// component interface (name, version, inputs, outputs, outputHandles,
// configSchema) plus builtin, endpoint, status and health. The graph model
// takes its ports from here; the palette will list it.
class ComponentCatalogue final : public flow::ComponentCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ComponentCatalogue)

public:
    struct Entry
    {
        flow::ComponentInterface interface;
        bool builtin = false;
        QString status;   // "active", "disabled", ...
        QString health;   // "healthy", "unhealthy", ...
        QJsonObject item; // the item as the server sent it
    };

    ComponentCatalogue() = default;

    // Reads the server's answer: the whole envelope
    // {"success":true,"data":{"items":[...]}}, its data {"items":[...]}, or
    // the items array itself. Items whose interface cannot be read are left
    // out and listed in skipped(), so one bad registration does not leave
    // the editor without components. Fails only when the answer has no
    // items array at all.
    static Result<ComponentCatalogue> fromServerAnswer(const QJsonValue &answer);

    // Adds or replaces the (name, version) entry.
    void add(Entry entry);
    void add(flow::ComponentInterface interface, bool builtin = false);

    const Entry *entry(const QString &name, const QString &version) const;
    QList<Entry> entries() const; // by name, then version (compareVersions)
    QStringList names() const;    // sorted
    int size() const;
    bool isEmpty() const { return size() == 0; }
    // "name@version: why" for each item fromServerAnswer() left out.
    const QStringList &skipped() const { return m_skipped; }

    const flow::ComponentInterface *find(const QString &name,
                                         const QString &version) const override;
    // Oldest first, in semantic-version order (compareVersions): 1.9.0
    // before 1.10.0, so the last one is the newest.
    QStringList versions(const QString &name) const override;

    // --- per-node interfaces (seed 003 §15 "editor integration") ----------
    // The built-in "service" component's ports follow each node's config
    // (one input per parameter of the endpoint it names), as in the engine.
    bool portsFollowConfig(const QString &name, const QString &version) const override;
    // The interface fetched from the server for this config
    // (setNodeInterface), its error (setNodeInterfaceError: the node's
    // INVALID_CONFIG problem), or, before either arrived, find()'s generic
    // one.
    Result<flow::ComponentInterface> nodeInterface(const QString &name, const QString &version,
                                                   const QJsonObject &config) const override;
    // The same as a pointer, what the graph model draws ports from: the
    // fetched interface, else find()'s (also after an error), else nullptr.
    // Valid until the catalogue changes.
    const flow::ComponentInterface *forNode(const QString &name, const QString &version,
                                            const QJsonObject &config) const;
    // Whether the server's answer for this config is in (interface or error).
    bool hasNodeInterface(const QString &name, const QString &version,
                          const QJsonObject &config) const;
    void setNodeInterface(const QString &name, const QString &version, const QJsonObject &config,
                          flow::ComponentInterface interface);
    void setNodeInterfaceError(const QString &name, const QString &version,
                               const QJsonObject &config, const Error &error);
    // A service's refusal of a node's endpoint (removed, disabled, unknown,
    // the service gone or inactive) worded in the console's language from
    // its code and details; nodeInterface() answers errors so.
    static Error localizedInterfaceError(Error error);
    // The external services' endpoints (the palette's Services group).
    // Each one listed is also remembered (knownEndpoint()).
    void setServiceEndpoints(QList<ServiceEndpointEntry> endpoints);
    const QList<ServiceEndpointEntry> &serviceEndpoints() const { return m_serviceEndpoints; }
    // The endpoint as it was last listed, also after it was removed or its
    // service deleted (the inspector names it so), or nullptr when it was
    // never listed here.
    const ServiceEndpointEntry *knownEndpoint(const QString &serviceId,
                                              const QString &endpointId) const;
    // The newest version of the service component, or empty.
    QString serviceComponentVersion() const;

    // Drops the per-node interfaces and errors.
    void clearNodeInterfaces()
    {
        m_nodeInterfaces.clear();
        m_nodeErrors.clear();
    }
    // Takes `other`'s per-node interfaces and errors (a new catalogue from
    // the server replacing an older one).
    void keepNodeInterfacesOf(const ComponentCatalogue &other);
    // The key a node's config is cached under: name, version and the
    // config's compact JSON.
    static QString nodeKey(const QString &name, const QString &version, const QJsonObject &config);

    // Semantic Versioning 2.0.0 precedence: major, minor and patch compared
    // as numbers, a pre-release ("1.0.0-rc.1") before its release, its
    // identifiers compared one by one (numeric ones as numbers and below
    // alphanumeric ones), build metadata ("+sha") ignored. Versions that
    // are not semver ("2", "1.2", "v1.0") compare part by part, runs of
    // digits as numbers, so the order stays total and natural. Equal
    // precedence falls back to the text, so distinct versions never tie.
    // Negative, zero or positive like QString::compare.
    static int compareVersions(const QString &a, const QString &b);

private:
    QHash<QString, QHash<QString, Entry>> m_entries;           // name -> version -> entry
    QHash<QString, flow::ComponentInterface> m_nodeInterfaces; // nodeKey -> interface
    QHash<QString, Error> m_nodeErrors;                        // nodeKey -> why not
    QList<ServiceEndpointEntry> m_serviceEndpoints;
    QHash<QString, ServiceEndpointEntry> m_knownEndpoints; // "serviceId/endpointId" ->
    QStringList m_skipped;
};

} // namespace hm::app

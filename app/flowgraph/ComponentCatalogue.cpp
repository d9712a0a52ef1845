#include "flowgraph/ComponentCatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace hm::app {

namespace {

// Splits "1.2.3-rc.1+build" into its core ("1.2.3"), pre-release ("rc.1")
// and build ("build") parts.
struct VersionParts
{
    QStringView core;
    QStringView preRelease;
};

VersionParts splitVersion(QStringView version)
{
    if (const qsizetype plus = version.indexOf(QLatin1Char('+')); plus >= 0)
        version = version.left(plus);
    VersionParts parts;
    const qsizetype dash = version.indexOf(QLatin1Char('-'));
    parts.core = dash >= 0 ? version.left(dash) : version;
    parts.preRelease = dash >= 0 ? version.mid(dash + 1) : QStringView();
    return parts;
}

bool isNumber(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    }
    return true;
}

// Numbers of any length compared without overflow: no leading zeros
// matter, then the longer is the larger, then the text.
int compareNumbers(QStringView a, QStringView b)
{
    while (a.size() > 1 && a.front() == QLatin1Char('0'))
        a = a.mid(1);
    while (b.size() > 1 && b.front() == QLatin1Char('0'))
        b = b.mid(1);
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

// One dot-separated identifier: numeric ones as numbers and below
// alphanumeric ones (semver rule 11.4), others as text. Identifiers that
// mix digits and letters ("beta2", "v10") compare by runs, so beta2 comes
// before beta10.
int compareIdentifiers(QStringView a, QStringView b)
{
    const bool na = isNumber(a);
    const bool nb = isNumber(b);
    if (na && nb)
        return compareNumbers(a, b);
    if (na != nb)
        return na ? -1 : 1;
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = a[i].isDigit() && a[i].unicode() < 128;
        const bool db = b[j].isDigit() && b[j].unicode() < 128;
        qsizetype ei = i, ej = j;
        while (ei < a.size() && (a[ei].isDigit() && a[ei].unicode() < 128) == da)
            ++ei;
        while (ej < b.size() && (b[ej].isDigit() && b[ej].unicode() < 128) == db)
            ++ej;
        const QStringView ra = a.mid(i, ei - i);
        const QStringView rb = b.mid(j, ej - j);
        int c = 0;
        if (da && db)
            c = compareNumbers(ra, rb);
        else if (da != db)
            c = da ? -1 : 1;
        else
            c = ra.compare(rb);
        if (c != 0)
            return c;
        i = ei;
        j = ej;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

// Dot-separated lists; a shorter list that is a prefix comes first.
int compareDotted(QStringView a, QStringView b)
{
    const QList<QStringView> pa = a.split(QLatin1Char('.'));
    const QList<QStringView> pb = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::min(pa.size(), pb.size()); ++i) {
        if (const int c = compareIdentifiers(pa[i], pb[i]); c != 0)
            return c;
    }
    if (pa.size() != pb.size())
        return pa.size() < pb.size() ? -1 : 1;
    return 0;
}

} // namespace

int ComponentCatalogue::compareVersions(const QString &a, const QString &b)
{
    const VersionParts va = splitVersion(a);
    const VersionParts vb = splitVersion(b);
    int c = compareDotted(va.core, vb.core);
    if (c == 0) {
        // A pre-release comes before the release it leads to.
        if (va.preRelease.isEmpty() != vb.preRelease.isEmpty())
            c = va.preRelease.isEmpty() ? 1 : -1;
        else
            c = compareDotted(va.preRelease, vb.preRelease);
    }
    if (c == 0)
        c = a.compare(b); // "1.0.0+a" and "1.0.0+b", "01" and "1": still distinct
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

Result<ComponentCatalogue> ComponentCatalogue::fromServerAnswer(const QJsonValue &answer)
{
    QJsonValue items = answer;
    if (items.isObject() && items.toObject().contains(QStringLiteral("data")))
        items = items.toObject().value(QStringLiteral("data"));
    if (items.isObject())
        items = items.toObject().value(QStringLiteral("items"));
    if (!items.isArray())
        return Error{
            ErrorCode::ValidationError,
            QCoreApplication::translate("hm::app::ComponentCatalogue",
                                        "The server's list of components cannot be read.")};

    ComponentCatalogue catalogue;
    for (const QJsonValue value : items.toArray()) {
        const QJsonObject item = value.toObject();
        auto parsed = flow::ComponentInterface::fromJson(item);
        if (!parsed || parsed.value().name.isEmpty()) {
            catalogue.m_skipped.append(
                item.value(QStringLiteral("name")).toString() + QLatin1Char('@') +
                item.value(QStringLiteral("version")).toString() + QStringLiteral(": ") +
                (parsed ? QStringLiteral("no name") : parsed.error().message));
            continue;
        }
        Entry entry;
        entry.interface = std::move(parsed).value();
        entry.builtin = item.value(QStringLiteral("builtin")).toBool();
        entry.status = item.value(QStringLiteral("status")).toString();
        entry.health = item.value(QStringLiteral("health")).toString();
        entry.item = item;
        catalogue.add(std::move(entry));
    }
    return catalogue;
}

void ComponentCatalogue::add(Entry entry)
{
    const QString name = entry.interface.name;
    const QString version = entry.interface.version;
    m_entries[name].insert(version, std::move(entry));
}

void ComponentCatalogue::add(flow::ComponentInterface interface, bool builtin)
{
    Entry entry;
    entry.interface = std::move(interface);
    entry.builtin = builtin;
    entry.status = QStringLiteral("active");
    add(std::move(entry));
}

const ComponentCatalogue::Entry *ComponentCatalogue::entry(const QString &name,
                                                           const QString &version) const
{
    const auto byName = m_entries.constFind(name);
    if (byName == m_entries.constEnd())
        return nullptr;
    const auto it = byName->constFind(version);
    return it == byName->constEnd() ? nullptr : &*it;
}

QList<ComponentCatalogue::Entry> ComponentCatalogue::entries() const
{
    QList<Entry> all;
    for (const QString &name : names()) {
        for (const QString &version : versions(name))
            all.append(*entry(name, version));
    }
    return all;
}

QStringList ComponentCatalogue::names() const
{
    QStringList all = m_entries.keys();
    std::sort(all.begin(), all.end());
    return all;
}

int ComponentCatalogue::size() const
{
    int n = 0;
    for (const auto &versions : m_entries)
        n += static_cast<int>(versions.size());
    return n;
}

const flow::ComponentInterface *ComponentCatalogue::find(const QString &name,
                                                         const QString &version) const
{
    const Entry *e = entry(name, version);
    return e ? &e->interface : nullptr;
}

QStringList ComponentCatalogue::versions(const QString &name) const
{
    QStringList all = m_entries.value(name).keys();
    std::sort(all.begin(), all.end(),
              [](const QString &a, const QString &b) { return compareVersions(a, b) < 0; });
    return all;
}

bool ComponentCatalogue::portsFollowConfig(const QString &name, const QString &version) const
{
    Q_UNUSED(version);
    return name == kServiceComponentName;
}

QString ComponentCatalogue::nodeKey(const QString &name, const QString &version,
                                    const QJsonObject &config)
{
    return name + QLatin1Char('@') + version + QLatin1Char(' ') +
           QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
}

Result<flow::ComponentInterface> ComponentCatalogue::nodeInterface(const QString &name,
                                                                   const QString &version,
                                                                   const QJsonObject &config) const
{
    const QString key = nodeKey(name, version, config);
    if (const auto it = m_nodeErrors.constFind(key); it != m_nodeErrors.constEnd())
        return localizedInterfaceError(*it);
    if (const flow::ComponentInterface *iface = forNode(name, version, config))
        return *iface;
    return flow::ComponentCatalog::nodeInterface(name, version, config);
}

const flow::ComponentInterface *ComponentCatalogue::forNode(const QString &name,
                                                            const QString &version,
                                                            const QJsonObject &config) const
{
    if (!m_nodeInterfaces.isEmpty()) {
        const auto it = m_nodeInterfaces.constFind(nodeKey(name, version, config));
        if (it != m_nodeInterfaces.constEnd())
            return &*it;
    }
    return find(name, version);
}

bool ComponentCatalogue::hasNodeInterface(const QString &name, const QString &version,
                                          const QJsonObject &config) const
{
    const QString key = nodeKey(name, version, config);
    return m_nodeInterfaces.contains(key) || m_nodeErrors.contains(key);
}

void ComponentCatalogue::setNodeInterface(const QString &name, const QString &version,
                                          const QJsonObject &config,
                                          flow::ComponentInterface interface)
{
    const QString key = nodeKey(name, version, config);
    m_nodeErrors.remove(key);
    m_nodeInterfaces.insert(key, std::move(interface));
}

QJsonObject serviceNodeConfig(const QString &serviceId, const QString &endpointId)
{
    return QJsonObject{{QStringLiteral("serviceId"), serviceId},
                       {QStringLiteral("endpointId"), endpointId}};
}

QString ComponentCatalogue::serviceComponentVersion() const
{
    const QStringList all = versions(kServiceComponentName);
    return all.isEmpty() ? QString() : all.last();
}

void ComponentCatalogue::keepNodeInterfacesOf(const ComponentCatalogue &other)
{
    if (m_serviceEndpoints.isEmpty())
        m_serviceEndpoints = other.m_serviceEndpoints;
    for (auto it = other.m_knownEndpoints.cbegin(); it != other.m_knownEndpoints.cend(); ++it) {
        if (!m_knownEndpoints.contains(it.key()))
            m_knownEndpoints.insert(it.key(), it.value());
    }
    for (auto it = other.m_nodeInterfaces.cbegin(); it != other.m_nodeInterfaces.cend(); ++it)
        m_nodeInterfaces.insert(it.key(), it.value());
    for (auto it = other.m_nodeErrors.cbegin(); it != other.m_nodeErrors.cend(); ++it)
        m_nodeErrors.insert(it.key(), it.value());
}

void ComponentCatalogue::setServiceEndpoints(QList<ServiceEndpointEntry> endpoints)
{
    for (const ServiceEndpointEntry &e : std::as_const(endpoints))
        m_knownEndpoints.insert(e.serviceId + u'/' + e.endpointId, e);
    m_serviceEndpoints = std::move(endpoints);
}

const ServiceEndpointEntry *ComponentCatalogue::knownEndpoint(const QString &serviceId,
                                                              const QString &endpointId) const
{
    const auto it = m_knownEndpoints.constFind(serviceId + u'/' + endpointId);
    return it == m_knownEndpoints.constEnd() ? nullptr : &it.value();
}

Error ComponentCatalogue::localizedInterfaceError(Error error)
{
    // Worded here, when asked, rather than when the answer came: the
    // language may change in between. The server's own text stays for
    // codes this does not know.
    const QJsonObject &d = error.details;
    const auto text = [&d](const char *key, const char *fallback) {
        const QString value = d.value(QLatin1String(key)).toString();
        return value.isEmpty() ? d.value(QLatin1String(fallback)).toString() : value;
    };
    const QString service = text("service", "service_id");
    const QString endpoint = text("endpoint", "endpoint_id");
    const QString status = d.value(QStringLiteral("status")).toString();
    if (error.code == ErrorCode::EndpointNotFound && status == QLatin1String("removed"))
        error.message = tr("the endpoint %1 of the service %2 was removed from its OpenAPI "
                           "document by a schema refresh; choose another endpoint")
                            .arg(endpoint, service);
    else if (error.code == ErrorCode::EndpointNotFound && status == QLatin1String("disabled"))
        error.message = tr("the endpoint %1 of the service %2 is disabled").arg(endpoint, service);
    else if (error.code == ErrorCode::EndpointNotFound)
        error.message = tr("the service %1 has no endpoint %2").arg(service, endpoint);
    else if (error.code == ErrorCode::ServiceNotFound)
        error.message = tr("the external service %1 no longer exists").arg(service);
    else if (error.code == ErrorCode::ServiceUnavailable)
        error.message =
            tr("the external service %1 is not active; make it active to call it").arg(service);
    return error;
}

void ComponentCatalogue::setNodeInterfaceError(const QString &name, const QString &version,
                                               const QJsonObject &config, const Error &error)
{
    const QString key = nodeKey(name, version, config);
    m_nodeInterfaces.remove(key);
    m_nodeErrors.insert(key, error);
}

} // namespace hm::app

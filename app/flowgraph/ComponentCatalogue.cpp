#include "flowgraph/ComponentCatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace hm::app {

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
    std::sort(all.begin(), all.end());
    return all;
}

} // namespace hm::app

#include "components/ComponentListModel.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/ComponentIcon.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QSet>
#include <QVersionNumber>

namespace hm::app {

ComponentListModel::ComponentListModel(QObject *parent)
    : RemoteList(ColumnCount, {.wholeList = true, .lazyFirstPage = true}, parent)
{}

void ComponentListModel::requestPage(client::ApiClient &client, int, int, PageCallback done)
{
    client::ComponentsApi(client).list(asWholePage(std::move(done)));
}

QString ComponentListModel::idOf(const client::ComponentInfo &component) const
{
    return component.name + u'\n' + component.version;
}

int ComponentListModel::rowOf(const QString &name, const QString &version) const
{
    return RemoteList::rowOf(name + u'\n' + version);
}

void ComponentListModel::updateComponent(const client::ComponentInfo &component)
{
    const int row = rowOf(component.name, component.version);
    if (row >= 0) {
        replaceItem(row, component);
        return;
    }
    // A new version: after the last row of the same name (the server's
    // order puts it among them on the next reload), else by name.
    int at = rowCount();
    for (int i = 0; i < items().size(); ++i) {
        if (items()[i].name > component.name) {
            at = i;
            break;
        }
    }
    insertItem(at, component);
}

void ComponentListModel::updateDetails(const client::ComponentInfo &component)
{
    for (int row = 0; row < items().size(); ++row) {
        client::ComponentInfo c = items()[row];
        if (c.name != component.name || c.builtin)
            continue;
        c.displayName = component.displayName;
        c.description = component.description;
        c.category = component.category;
        c.icon = component.icon;
        replaceItem(row, c);
    }
}

QStringList ComponentListModel::categories() const
{
    QStringList found;
    for (const client::ComponentInfo &c : items()) {
        if (!c.category.isEmpty() && !found.contains(c.category))
            found.append(c.category);
    }
    std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return found;
}

void ComponentListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (!type.startsWith(QLatin1String("component_")) || !client())
        return;
    if (state() != State::Ready)
        return; // not read yet (or being read): the answer will have it
    const QString name = data.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return;
    client::ComponentsApi(*client()).versions(
        name, client::within(this, [this, name](Result<QList<client::ComponentInfo>> r) {
            if (r)
                replaceVersions(name, *r);
            else if (r.error().code == ErrorCode::ComponentNotFound)
                replaceVersions(name, {});
        }));
}

void ComponentListModel::replaceVersions(const QString &name,
                                         const QList<client::ComponentInfo> &versions)
{
    QSet<QString> listed;
    for (const client::ComponentInfo &c : versions)
        listed.insert(c.version);
    for (int row = rowCount() - 1; row >= 0; --row) {
        const client::ComponentInfo *c = component(row);
        if (c->name == name && !listed.contains(c->version))
            removeItem(row);
    }
    for (const client::ComponentInfo &c : versions)
        updateComponent(c);
}

QString ComponentListModel::statusText(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("deprecated"))
        return tr("Deprecated");
    if (status == QLatin1String("disabled"))
        return tr("Deleted");
    return status;
}

QString ComponentListModel::healthText(const QString &health)
{
    if (health == QLatin1String("healthy"))
        return tr("Healthy");
    if (health == QLatin1String("degraded"))
        return tr("Degraded");
    if (health == QLatin1String("unhealthy"))
        return tr("Unhealthy");
    return tr("Not checked yet");
}

QVariant ComponentListModel::cellData(const client::ComponentInfo &c, int column, int role) const
{
    switch (role) {
    case NameRole:
        return c.name;
    case VersionRole:
        return c.version;
    case StatusNameRole:
        return c.status;
    case HealthNameRole:
        return c.health;
    case BuiltinRole:
        return c.builtin;
    case DisplayNameRole:
        return c.displayName;
    case CategoryRole:
        return c.category;
    case IconNameRole:
        return c.icon;
    case Qt::DecorationRole:
        if (column == NameColumn)
            return ComponentIcon::icon(c.icon, QGuiApplication::palette());
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return c.title();
        case VersionColumn:
            return c.version;
        case CategoryColumn:
            return c.category;
        case KindColumn:
            return c.builtin ? tr("Built-in") : tr("HTTP service");
        case StatusColumn:
            return statusText(c.status);
        case HealthColumn:
            return healthText(c.health);
        case EndpointsColumn:
            return c.builtin ? QString() : QLocale().toString(c.endpoints.size());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == NameColumn && c.title() != c.name)
            return tr("%1 (component name: %2)").arg(c.title(), c.name);
        if (column == HealthColumn && !c.healthMessage.isEmpty())
            return c.healthMessage;
        if (column == EndpointsColumn && !c.endpoints.isEmpty()) {
            QStringList urls;
            for (const client::ComponentEndpointInfo &e : c.endpoints)
                urls << tr("%1 (%2)").arg(e.url, healthText(e.health));
            return urls.join(u'\n');
        }
        return {};
    case Qt::ForegroundRole:
        if (column == HealthColumn && c.health == QLatin1String("unhealthy"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == StatusColumn && c.status != QLatin1String("active"))
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        return columnAlignment(column == EndpointsColumn);
    default:
        return {};
    }
}

QVariant ComponentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == EndpointsColumn);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Version");
    case CategoryColumn:
        return tr("Category");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case HealthColumn:
        return tr("Health");
    case EndpointsColumn:
        return tr("Endpoints");
    default:
        return {};
    }
}

namespace {

// The rank of a status or health in a sorted column: the usual first.
int componentStatusRank(const QString &status)
{
    static const QStringList order{QStringLiteral("active"), QStringLiteral("deprecated"),
                                   QStringLiteral("disabled")};
    const int at = int(order.indexOf(status));
    return at < 0 ? int(order.size()) : at;
}

int componentHealthRank(const QString &health)
{
    static const QStringList order{QStringLiteral("healthy"), QStringLiteral("degraded"),
                                   QStringLiteral("unhealthy")};
    const int at = int(order.indexOf(health));
    return at < 0 ? int(order.size()) : at;
}

// Locale-aware, empty texts last (whatever the direction is not known
// here: last in ascending order).
int componentTextCompare(const QString &a, const QString &b)
{
    if (a.isEmpty() != b.isEmpty())
        return a.isEmpty() ? 1 : -1;
    const int c = QString::localeAwareCompare(a, b);
    if (c != 0)
        return c;
    return a.compare(b);
}

} // namespace

ComponentSortModel::ComponentSortModel(ComponentListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

const client::ComponentInfo *ComponentSortModel::component(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return m_source->component(mapToSource(index).row());
}

QModelIndex ComponentSortModel::indexOf(const QString &name, const QString &version,
                                        int column) const
{
    const int row = m_source->rowOf(name, version);
    if (row < 0)
        return {};
    return mapFromSource(m_source->index(row, column));
}

bool ComponentSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const client::ComponentInfo *a = m_source->component(left.row());
    const client::ComponentInfo *b = m_source->component(right.row());
    if (!a || !b)
        return left.row() < right.row();
    int c = 0;
    switch (left.column()) {
    case ComponentListModel::NameColumn:
        c = componentTextCompare(a->title(), b->title());
        break;
    case ComponentListModel::VersionColumn: {
        const QVersionNumber va = QVersionNumber::fromString(a->version);
        const QVersionNumber vb = QVersionNumber::fromString(b->version);
        c = QVersionNumber::compare(va, vb);
        break;
    }
    case ComponentListModel::CategoryColumn:
        c = componentTextCompare(a->category, b->category);
        break;
    case ComponentListModel::KindColumn:
        c = int(a->builtin) - int(b->builtin);
        break;
    case ComponentListModel::StatusColumn:
        c = componentStatusRank(a->status) - componentStatusRank(b->status);
        break;
    case ComponentListModel::HealthColumn:
        c = componentHealthRank(a->health) - componentHealthRank(b->health);
        break;
    case ComponentListModel::EndpointsColumn:
        c = int(a->endpoints.size()) - int(b->endpoints.size());
        break;
    default:
        break;
    }
    if (c == 0 && left.column() != ComponentListModel::NameColumn)
        c = componentTextCompare(a->title(), b->title());
    if (c != 0)
        return c < 0;
    // Equal: the server's order (name, then version precedence).
    return left.row() < right.row();
}

} // namespace hm::app

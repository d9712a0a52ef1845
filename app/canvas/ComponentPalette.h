#pragma once

#include "flowgraph/ComponentCatalogue.h"

#include <QJsonObject>
#include <QMimeData>
#include <QSet>
#include <QString>
#include <QWidget>
#include <optional>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace hm::app {

// Drag data of a component dragged from the palette onto the canvas:
// {"name": ..., "version": ..., "config": {...}} (config: a service
// endpoint's {serviceId, endpointId}; left out when empty).
inline const QString kComponentMimeType = QStringLiteral("application/x-hivemind-component+json");

struct ComponentRef
{
    QString name;
    QString version;
    QJsonObject config; // the new node's config
};
QMimeData *componentMimeData(const ComponentRef &component);
std::optional<ComponentRef> componentFromMimeData(const QMimeData *mime);

// Whether a catalogue entry matches what the user typed: every word of the
// filter appears in the name (case-insensitive).
bool componentMatches(const ComponentCatalogue::Entry &entry, const QString &filter);
// The same for a service endpoint: every word appears in its method, path,
// summary, name or service name.
bool serviceEndpointMatches(const ServiceEndpointEntry &endpoint, const QString &filter);

// The flow editor's palette: the catalogue's components grouped into
// built-in ones (newest version of each), registered ones (every live
// version, with its health and whether it is deprecated) and the endpoints of the
// registered external services (Services, by service: method, path,
// summary; dragging one adds a service node calling it), filtered by a
// search field; items are dragged onto the canvas, or added where the
// canvas is looking by a double click or Enter. A new catalogue keeps
// the search text and what the user collapsed. objectNames:
// editor.palette (the widget), editor.palette.search, editor.palette.list.
class ComponentPalette final : public QWidget
{
    Q_OBJECT

public:
    explicit ComponentPalette(QWidget *parent = nullptr);

    void setCatalogue(const ComponentCatalogue &catalogue);
    void setFilter(const QString &text);
    QTreeWidget *list() const { return m_tree; }
    // The visible components, in list order (for tests and the pop-up).
    QList<ComponentRef> visibleComponents() const;

signals:
    // A component item double-clicked or entered (not a group's header).
    void componentActivated(const hm::app::ComponentRef &component);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslate();
    // Draws a registered component's icon (and a deprecated one's grey
    // text) in the current palette; other items are left as they are.
    void applyPalette(QTreeWidgetItem *item) const;

    ComponentCatalogue m_catalogue;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QTreeWidgetItem *m_builtin = nullptr;
    QTreeWidgetItem *m_registered = nullptr;
    QTreeWidgetItem *m_services = nullptr; // only when there are services
    // Groups and services the user collapsed ("group:builtin",
    // "service:<id>" ...): they stay collapsed when the catalogue is read
    // again (another console changed a component or a service).
    QSet<QString> m_collapsed;
    bool m_rebuilding = false;
};

} // namespace hm::app

#pragma once

#include "client/ServicesApi.h"

#include <QTreeWidget>

namespace hm::app {

// The schema viewer of one endpoint: its parameters (where each goes —
// path, query, header, cookie — its type and whether it is required), the
// request body's JSON Schema and each response's schema, as a tree.
class ServiceSchemaTree final : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        PlaceColumn,
        TypeColumn,
        RequiredColumn,
        DescriptionColumn,
        ColumnCount
    };

    explicit ServiceSchemaTree(QWidget *parent = nullptr);

    // Null clears it.
    void showEndpoint(const client::ServiceEndpoint *endpoint);
    // The item whose name column reads `name` under the top-level group
    // `group` (0 parameters, 1 body, 2 responses), for tests.
    QTreeWidgetItem *group(int which) const { return topLevelItem(which); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void addSchema(QTreeWidgetItem *parent, const QJsonObject &schema, int depth);

    std::optional<client::ServiceEndpoint> m_endpoint;
};

} // namespace hm::app

#include "services/ServiceSchemaTree.h"

#include "services/ServiceText.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QLocale>

namespace hm::app {

namespace {

constexpr int kMaxSchemaDepth = 8;

QTreeWidgetItem *svcTreeGroup(QTreeWidget *tree, const QString &text)
{
    auto *item = new QTreeWidgetItem(tree, {text});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFirstColumnSpanned(true);
    return item;
}

} // namespace

ServiceSchemaTree::ServiceSchemaTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("services.schema"));
    setColumnCount(ColumnCount);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    rebuild();
}

void ServiceSchemaTree::showEndpoint(const client::ServiceEndpoint *endpoint)
{
    if (endpoint)
        m_endpoint = *endpoint;
    else
        m_endpoint.reset();
    rebuild();
}

void ServiceSchemaTree::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QTreeWidget::changeEvent(event);
}

void ServiceSchemaTree::addSchema(QTreeWidgetItem *parent, const QJsonObject &schema, int depth)
{
    if (depth > kMaxSchemaDepth)
        return;
    const QJsonArray required = schema.value(QStringLiteral("required")).toArray();
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        auto *item = new QTreeWidgetItem(parent);
        item->setText(NameColumn, it.key());
        item->setText(TypeColumn, ServiceText::schemaType(property));
        item->setText(RequiredColumn, required.contains(it.key()) ? tr("required") : QString());
        item->setText(DescriptionColumn, property.value(QStringLiteral("description")).toString());
        addSchema(item, property, depth + 1);
    }
    // The items of an array of objects under the array.
    const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
    if (!items.value(QStringLiteral("properties")).toObject().isEmpty())
        addSchema(parent, items, depth + 1);
}

void ServiceSchemaTree::rebuild()
{
    clear();
    setHeaderLabels({tr("Name"), tr("In"), tr("Type"), tr("Required"), tr("Description")});
    if (!m_endpoint) {
        auto *hint = new QTreeWidgetItem(this, {tr("Select an endpoint to see its schema.")});
        hint->setFirstColumnSpanned(true);
        hint->setFlags(Qt::NoItemFlags);
        return;
    }
    const client::ServiceEndpoint &e = *m_endpoint;

    QTreeWidgetItem *parameters =
        svcTreeGroup(this, tr("Parameters (%1)").arg(QLocale().toString(e.parameters.size())));
    for (const QJsonValue &value : e.parameters) {
        const QJsonObject p = value.toObject();
        const QJsonObject schema = p.value(QStringLiteral("schema")).toObject();
        auto *item = new QTreeWidgetItem(parameters);
        item->setText(NameColumn, p.value(QStringLiteral("name")).toString());
        item->setText(PlaceColumn, ServiceText::place(p.value(QStringLiteral("in")).toString()));
        item->setText(TypeColumn, ServiceText::schemaType(schema));
        item->setText(RequiredColumn,
                      p.value(QStringLiteral("required")).toBool() ? tr("required") : QString());
        item->setText(DescriptionColumn, p.value(QStringLiteral("description")).toString());
        addSchema(item, schema, 1);
    }
    if (e.parameters.isEmpty()) {
        auto *none = new QTreeWidgetItem(parameters, {tr("No parameters")});
        none->setFirstColumnSpanned(true);
    }

    QTreeWidgetItem *body = svcTreeGroup(
        this, e.requestContentType.isEmpty() ? tr("Request body")
                                             : tr("Request body (%1)").arg(e.requestContentType));
    if (e.requestBody.isObject()) {
        const QJsonObject schema = e.requestBody.toObject();
        body->setText(TypeColumn, ServiceText::schemaType(schema));
        addSchema(body, schema, 1);
    } else {
        auto *none = new QTreeWidgetItem(body, {tr("No request body")});
        none->setFirstColumnSpanned(true);
    }

    QTreeWidgetItem *responses = svcTreeGroup(this, tr("Responses"));
    for (const QJsonValue &value : e.responses) {
        const QJsonObject r = value.toObject();
        auto *item = new QTreeWidgetItem(responses);
        item->setText(NameColumn, r.value(QStringLiteral("status")).toString());
        item->setText(DescriptionColumn, r.value(QStringLiteral("description")).toString());
        for (const QJsonValue &media : r.value(QStringLiteral("content")).toArray()) {
            const QJsonObject m = media.toObject();
            const QJsonObject schema = m.value(QStringLiteral("schema")).toObject();
            auto *content = new QTreeWidgetItem(item);
            content->setText(NameColumn, m.value(QStringLiteral("contentType")).toString());
            content->setText(TypeColumn, ServiceText::schemaType(schema));
            addSchema(content, schema, 1);
        }
    }
    if (e.responses.isEmpty()) {
        auto *none = new QTreeWidgetItem(responses, {tr("No responses described")});
        none->setFirstColumnSpanned(true);
    }
    expandAll();
    resizeColumnToContents(NameColumn);
    resizeColumnToContents(PlaceColumn);
    resizeColumnToContents(TypeColumn);
    resizeColumnToContents(RequiredColumn);
}

} // namespace hm::app

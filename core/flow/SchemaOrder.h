#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace hm::flow {

// The order of a schema's properties, kept as data. JSON Schema has no
// keyword for it and QJsonObject sorts keys, so the order an author wrote
// is lost at the first parse; forms (the editor's inspector) would show
// fields alphabetically. `propertyOrder` on a property (the JSON Editor
// convention, lower first) says where it goes and survives every round
// trip through QJsonObject, the server and its database.
namespace schemaorder {

inline constexpr QLatin1StringView kKeyword{"propertyOrder"};

// Parses JSON text as QJsonDocument does and gives each member of every
// "properties" map, at any depth, without a propertyOrder of its own the
// place it has in the text (0, 1, ...). Text QJsonDocument refuses gives
// a null document.
QJsonDocument parseKeepingOrder(const QByteArray &text);

// `value` without the places parseKeepingOrder gives (and any other
// propertyOrder on a property): for comparing interfaces read before
// and after the order was kept.
QJsonValue withoutOrder(const QJsonValue &value);

// The property names of an object schema in the order to show them:
// those with a numeric propertyOrder by it, then the rest by name.
QStringList orderedProperties(const QJsonObject &schema);

// One member of a schema's JSON as a view shows it to a user: its key,
// its value, and whether that value is a "properties" map (names to
// schemas) rather than a schema or a plain value.
struct ShownMember
{
    QString key;
    QJsonValue value;
    bool propertiesMap = false;
};

// The members of `object` as a JSON view (the Components page's interface
// tree) shows them. A "properties" map (`propertiesMap`) gives its
// properties in the order to show them (orderedProperties) and each schema
// without its propertyOrder: the order on screen says it, and a keyword
// the author may never have written would read as theirs. The server does
// not tell a place parseKeepingOrder stamped from one an author wrote
// (both are an ordering hint); neither is shown. Any other object gives
// its members by key, as QJsonObject keeps them. Walked at every depth,
// the members give back withoutOrder() of the value.
QList<ShownMember> shownMembers(const QJsonObject &object, bool propertiesMap);

} // namespace schemaorder

} // namespace hm::flow

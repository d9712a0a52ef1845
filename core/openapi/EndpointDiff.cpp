#include "openapi/EndpointDiff.h"

#include <QHash>
#include <QJsonArray>

namespace hm::openapi {

namespace {

QString parameterLabel(const Parameter &p)
{
    return p.in + QLatin1Char(' ') + p.name;
}

void diffParameters(const Endpoint &a, const Endpoint &b, QStringList *details)
{
    for (const Parameter &p : b.parameters) {
        const auto it =
            std::find_if(a.parameters.begin(), a.parameters.end(),
                         [&](const Parameter &q) { return q.name == p.name && q.in == p.in; });
        if (it == a.parameters.end())
            details->append(QStringLiteral("parameter added: ") + parameterLabel(p));
        else if (!(*it == p))
            details->append(QStringLiteral("parameter changed: ") + parameterLabel(p));
    }
    for (const Parameter &p : a.parameters) {
        const bool kept =
            std::any_of(b.parameters.begin(), b.parameters.end(),
                        [&](const Parameter &q) { return q.name == p.name && q.in == p.in; });
        if (!kept)
            details->append(QStringLiteral("parameter removed: ") + parameterLabel(p));
    }
}

template <typename T, typename Key>
void diffKeyed(const QList<T> &a, const QList<T> &b, Key key, const QString &what,
               QStringList *details)
{
    for (const T &item : b) {
        const auto it =
            std::find_if(a.begin(), a.end(), [&](const T &o) { return key(o) == key(item); });
        if (it == a.end())
            details->append(what + QStringLiteral(" added: ") + key(item));
        else if (!(*it == item))
            details->append(what + QStringLiteral(" changed: ") + key(item));
    }
    for (const T &item : a) {
        const bool kept =
            std::any_of(b.begin(), b.end(), [&](const T &o) { return key(o) == key(item); });
        if (!kept)
            details->append(what + QStringLiteral(" removed: ") + key(item));
    }
}

EndpointChange compare(const Endpoint &a, const Endpoint &b)
{
    EndpointChange change{a, b, {}, {}};
    auto field = [&](bool differs, const char *name) {
        if (differs)
            change.fields.append(QLatin1String(name));
    };
    field(a.operationId != b.operationId, "operationId");
    field(a.summary != b.summary, "summary");
    field(a.description != b.description, "description");
    field(a.tags != b.tags, "tags");
    field(a.deprecated != b.deprecated, "deprecated");
    field(a.parameters != b.parameters, "parameters");
    field(!(a.requestBody == b.requestBody), "requestBody");
    field(a.responses != b.responses, "responses");
    field(a.security != b.security || a.securityDeclared != b.securityDeclared, "security");
    field(a.servers != b.servers, "servers");

    diffParameters(a, b, &change.details);
    if (a.requestBody.present != b.requestBody.present) {
        change.details.append(b.requestBody.present ? QStringLiteral("request body added")
                                                    : QStringLiteral("request body removed"));
    } else if (a.requestBody.present) {
        if (a.requestBody.required != b.requestBody.required)
            change.details.append(b.requestBody.required
                                      ? QStringLiteral("request body now required")
                                      : QStringLiteral("request body now optional"));
        diffKeyed(
            a.requestBody.content, b.requestBody.content,
            [](const MediaType &m) { return m.contentType; },
            QStringLiteral("request body content"), &change.details);
    }
    diffKeyed(
        a.responses, b.responses, [](const Response &r) { return r.status; },
        QStringLiteral("response"), &change.details);
    return change;
}

QJsonObject brief(const Endpoint &e)
{
    return QJsonObject{{QStringLiteral("method"), e.method},
                       {QStringLiteral("path"), e.path},
                       {QStringLiteral("name"), e.name()}};
}

} // namespace

EndpointDiff diffEndpoints(const QList<Endpoint> &before, const QList<Endpoint> &after)
{
    EndpointDiff diff;
    QHash<QString, qsizetype> oldIndex;
    for (qsizetype i = 0; i < before.size(); ++i)
        oldIndex.insert(before.at(i).key(), i);
    QHash<QString, qsizetype> newIndex;
    for (qsizetype i = 0; i < after.size(); ++i)
        newIndex.insert(after.at(i).key(), i);

    for (const Endpoint &e : after) {
        const auto it = oldIndex.constFind(e.key());
        if (it == oldIndex.constEnd()) {
            diff.added.append(e);
            continue;
        }
        const Endpoint &old = before.at(*it);
        if (old == e) {
            ++diff.unchanged;
            continue;
        }
        diff.changed.append(compare(old, e));
    }
    for (const Endpoint &e : before) {
        if (!newIndex.contains(e.key()))
            diff.removed.append(e);
    }
    return diff;
}

QJsonObject EndpointDiff::toJson() const
{
    QJsonArray addedJson;
    for (const Endpoint &e : added)
        addedJson.append(brief(e));
    QJsonArray removedJson;
    for (const Endpoint &e : removed)
        removedJson.append(brief(e));
    QJsonArray changedJson;
    for (const EndpointChange &c : changed) {
        QJsonObject o = brief(c.after);
        o.insert(QStringLiteral("fields"), QJsonArray::fromStringList(c.fields));
        o.insert(QStringLiteral("details"), QJsonArray::fromStringList(c.details));
        changedJson.append(o);
    }
    return QJsonObject{{QStringLiteral("added"), addedJson},
                       {QStringLiteral("removed"), removedJson},
                       {QStringLiteral("changed"), changedJson},
                       {QStringLiteral("unchanged"), unchanged}};
}

} // namespace hm::openapi

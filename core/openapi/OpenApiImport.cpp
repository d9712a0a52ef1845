#include "openapi/OpenApiImport.h"

#include "openapi/OpenApiLogging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QUrl>
#include <array>

namespace hm::openapi {

namespace {

// Where a value is, as a chain of keys from the document root (or from the
// target of a $ref); rendered as a JSON pointer only when something fails.
struct Seg
{
    const Seg *parent = nullptr;
    QString key;
    bool absolute = false; // key is already an escaped pointer (a $ref's target)
};

QString escapeToken(QString token)
{
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

QString pointerOf(const Seg *seg)
{
    QStringList parts;
    for (; seg; seg = seg->parent) {
        if (seg->absolute) {
            parts.prepend(seg->key);
            break;
        }
        if (seg->parent || !seg->key.isEmpty())
            parts.prepend(QLatin1Char('/') + escapeToken(seg->key));
    }
    return parts.join(QString());
}

// Internal: unwinds to importOpenApi(), which turns it into an Error.
struct ImportFailure
{
    QString reason;
    QString message;
    QString pointer;
    QString ref;
};

[[noreturn]] void fail(const QString &reason, const QString &message, const Seg *at,
                       const QString &ref = {})
{
    throw ImportFailure{reason, message, pointerOf(at), ref};
}

const QString kRef = QStringLiteral("$ref");
const QString kMarkerRef = QStringLiteral("x-hivemind-ref");
const QString kMarkerCut = QStringLiteral("x-hivemind-cut");

constexpr std::array<const char *, 8> kMethods{"get",     "put",  "post",  "delete",
                                               "options", "head", "patch", "trace"};

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// Keys of a schema whose values are data, not schemas: never searched for $refs.
bool isLiteralKey(const QString &key)
{
    return key.startsWith(QLatin1String("x-")) || key == QLatin1String("example") ||
           key == QLatin1String("examples") || key == QLatin1String("enum") ||
           key == QLatin1String("const") || key == QLatin1String("default");
}

// Keys whose object values map names to schemas (a property may be called "example").
bool isNameMapKey(const QString &key)
{
    return key == QLatin1String("properties") || key == QLatin1String("patternProperties") ||
           key == QLatin1String("definitions") || key == QLatin1String("$defs") ||
           key == QLatin1String("dependentSchemas");
}

class Importer
{
public:
    Importer(const QJsonObject &root, const ImportLimits &limits) : m_root(root), m_limits(limits)
    {}

    ImportedDocument run();

private:
    struct Walked
    {
        QJsonValue value;
        qint64 size = 1;
        bool changed = false;
    };

    QJsonValue lookup(const QString &ref, const Seg *at) const;
    QJsonObject deref(const QJsonValue &value, const Seg *at, const char *what, Seg *targetSeg);
    Walked walk(const QJsonValue &value, const Seg *at, int depth, bool nameMap = false);
    Walked resolveRef(const QJsonObject &object, const Seg *at, int depth);
    QJsonObject mergeAllOf(const QJsonObject &object);
    void spend(qint64 nodes, const Seg *at);
    QJsonValue schemaOf(const QJsonValue &value, const Seg *at);

    QStringList serversOf(const QJsonValue &servers, const Seg *at) const;
    QList<Parameter> parametersOf(const QJsonValue &list, const Seg *at, QList<QJsonObject> *body);
    Parameter parameterOf(const QJsonObject &p, const Seg *at);
    QList<MediaType> contentOf(const QJsonValue &content, const Seg *at);
    void operation(Endpoint &e, const QJsonObject &pathItem, const QJsonObject &op, const Seg *at,
                   const QList<Parameter> &pathParams, const QList<QJsonObject> &pathBody,
                   const QStringList &pathServers);
    void swaggerBody(Endpoint &e, const QList<QJsonObject> &bodyParams, const QJsonObject &op,
                     const Seg *at);
    QStringList mediaTypes(const QJsonObject &op, const char *key) const;

    const QJsonObject m_root;
    const ImportLimits m_limits;
    SpecVersion m_version = SpecVersion::OpenApi30;
    QHash<QString, Walked> m_cache;
    QSet<QString> m_inProgress;
    qint64 m_inlined = 0;
};

void Importer::spend(qint64 nodes, const Seg *at)
{
    m_inlined += nodes;
    if (m_inlined > m_limits.maxInlinedNodes) {
        fail(QStringLiteral("TOO_COMPLEX"),
             QStringLiteral("the endpoints' schemas expand to more than %1 values")
                 .arg(m_limits.maxInlinedNodes),
             at);
    }
}

QJsonValue Importer::lookup(const QString &ref, const Seg *at) const
{
    if (!ref.startsWith(QLatin1Char('#'))) {
        fail(QStringLiteral("EXTERNAL_REF_UNSUPPORTED"),
             QStringLiteral("the reference \"%1\" points outside the document; only local "
                            "references (#/...) are supported")
                 .arg(ref),
             at, ref);
    }
    const QString fragment = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
    QJsonValue current = m_root;
    if (fragment.isEmpty())
        return current;
    if (!fragment.startsWith(QLatin1Char('/')))
        fail(QStringLiteral("REF_NOT_FOUND"),
             QStringLiteral("the reference \"%1\" is not a JSON pointer").arg(ref), at, ref);
    const QStringList tokens = fragment.mid(1).split(QLatin1Char('/'));
    for (QString token : tokens) {
        token.replace(QLatin1String("~1"), QLatin1String("/"));
        token.replace(QLatin1String("~0"), QLatin1String("~"));
        // Through a $ref on the way (a pointer into #/paths/.../responses/200
        // where that response is itself a reference), as common readers do.
        for (int hops = 0; hops < 32 && current.isObject(); ++hops) {
            const QJsonObject object = current.toObject();
            const QJsonValue inner = object.value(kRef);
            if (object.contains(token) || !inner.isString() || inner.toString() == ref)
                break;
            current = lookup(inner.toString(), at);
        }
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                current = QJsonValue(QJsonValue::Undefined);
            else
                current = it.value();
        } else if (current.isArray()) {
            bool isIndex = false;
            const int index = token.toInt(&isIndex);
            const QJsonArray array = current.toArray();
            current = (isIndex && index >= 0 && index < array.size())
                          ? array.at(index)
                          : QJsonValue(QJsonValue::Undefined);
        } else {
            current = QJsonValue(QJsonValue::Undefined);
        }
        if (current.isUndefined())
            fail(QStringLiteral("REF_NOT_FOUND"),
                 QStringLiteral("the reference \"%1\" points at nothing in the document").arg(ref),
                 at, ref);
    }
    return current;
}

// Follows $refs of a non-schema object (parameter, response, request body,
// path item, header) to the object itself. targetSeg receives the pointer of
// where it ended.
QJsonObject Importer::deref(const QJsonValue &value, const Seg *at, const char *what,
                            Seg *targetSeg)
{
    QJsonValue current = value;
    const Seg *where = at;
    for (int hops = 0;; ++hops) {
        if (!current.isObject()) {
            fail(QStringLiteral("INVALID_DOCUMENT"),
                 QStringLiteral("%1 must be an object").arg(QLatin1String(what)), where);
        }
        const QJsonObject object = current.toObject();
        const QJsonValue ref = object.value(kRef);
        if (!ref.isString()) {
            if (where != at) {
                *targetSeg = *where;
                // 3.1: a reference's summary and description override the target's.
                if (m_version == SpecVersion::OpenApi31 && value.isObject()) {
                    const QJsonObject original = value.toObject();
                    QJsonObject merged = object;
                    for (const char *key : {"summary", "description"}) {
                        const QString k = QLatin1String(key);
                        if (original.contains(k))
                            merged.insert(k, original.value(k));
                    }
                    return merged;
                }
            }
            return object;
        }
        if (hops >= 32) {
            fail(QStringLiteral("INVALID_DOCUMENT"),
                 QStringLiteral("the reference chain is circular or longer than 32 steps"), where,
                 ref.toString());
        }
        current = lookup(ref.toString(), where);
        *targetSeg = Seg{nullptr, QUrl::fromPercentEncoding(ref.toString().mid(1).toUtf8()), true};
        where = targetSeg;
    }
}

QJsonObject marker(const QString &ref, const char *cut, const QJsonValue &target)
{
    QJsonObject out{{kMarkerRef, ref}, {kMarkerCut, QLatin1String(cut)}};
    if (target.isObject()) {
        const QJsonObject t = target.toObject();
        for (const char *key : {"type", "title"}) {
            const QJsonValue v = t.value(QLatin1String(key));
            if (v.isString())
                out.insert(QLatin1String(key), v);
        }
    }
    return out;
}

Importer::Walked Importer::resolveRef(const QJsonObject &object, const Seg *at, int depth)
{
    const QString ref = object.value(kRef).toString();
    Walked result;
    if (const auto it = m_cache.constFind(ref); it != m_cache.constEnd()) {
        result = *it;
    } else if (m_inProgress.contains(ref)) {
        result.value = marker(ref, "circular", lookup(ref, at));
    } else if (depth > m_limits.maxRefDepth) {
        result.value = marker(ref, "depth", lookup(ref, at));
    } else {
        const QJsonValue target = lookup(ref, at);
        const Seg targetSeg{nullptr, QUrl::fromPercentEncoding(ref.mid(1).toUtf8()), true};
        m_inProgress.insert(ref);
        result = walk(target, &targetSeg, depth + 1);
        m_inProgress.remove(ref);
        if (result.size > m_limits.maxRefNodes) {
            result.value = marker(ref, "size", target);
            result.size = 1;
        }
        m_cache.insert(ref, result);
    }
    spend(result.size, at);
    result.changed = true;
    // 3.1: keywords beside a $ref apply too (the target's own win nothing here:
    // the sibling is what the author wrote at this place).
    if (m_version == SpecVersion::OpenApi31 && object.size() > 1 && result.value.isObject()) {
        QJsonObject merged = result.value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == kRef)
                continue;
            const Seg child{at, it.key()};
            const Walked w = isLiteralKey(it.key()) ? Walked{it.value(), 1, false}
                                                    : walk(it.value(), &child, depth + 1);
            merged.insert(it.key(), w.value);
            result.size += w.size;
        }
        result.value = merged;
    }
    return result;
}

QJsonObject Importer::mergeAllOf(const QJsonObject &object)
{
    const QJsonArray parts = object.value(QStringLiteral("allOf")).toArray();
    QJsonObject merged = object;
    merged.remove(QStringLiteral("allOf"));
    QJsonArray leftovers;
    const QString kProperties = QStringLiteral("properties");
    const QString kRequired = QStringLiteral("required");
    for (const QJsonValue &part : parts) {
        if (!part.isObject() || part.toObject().contains(kMarkerRef)) {
            leftovers.append(part); // a cut reference or a boolean schema: kept as it is
            continue;
        }
        const QJsonObject p = part.toObject();
        for (auto it = p.begin(); it != p.end(); ++it) {
            const QString &key = it.key();
            if (key == kProperties && it.value().isObject() &&
                merged.value(kProperties).isObject()) {
                QJsonObject props = merged.value(kProperties).toObject();
                const QJsonObject add = it.value().toObject();
                for (auto pi = add.begin(); pi != add.end(); ++pi) {
                    if (!props.contains(pi.key()))
                        props.insert(pi.key(), pi.value());
                }
                merged.insert(kProperties, props);
            } else if (key == kRequired && it.value().isArray() &&
                       merged.value(kRequired).isArray()) {
                QJsonArray required = merged.value(kRequired).toArray();
                for (const QJsonValue &name : it.value().toArray()) {
                    if (!required.contains(name))
                        required.append(name);
                }
                merged.insert(kRequired, required);
            } else if (key == QLatin1String("allOf") && it.value().isArray()) {
                for (const QJsonValue &inner : it.value().toArray())
                    leftovers.append(inner);
            } else if (!merged.contains(key)) {
                merged.insert(key, it.value());
            }
        }
    }
    if (!leftovers.isEmpty())
        merged.insert(QStringLiteral("allOf"), leftovers);
    return merged;
}

// A schema (or any value inside one) with its local $refs inlined, allOf
// merged and cycles cut. Unchanged subtrees are returned as they are (shared,
// not copied).
Importer::Walked Importer::walk(const QJsonValue &value, const Seg *at, int depth, bool nameMap)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (!nameMap) {
            const QJsonValue ref = object.value(kRef);
            if (ref.isString())
                return resolveRef(object, at, depth);
        }
        Walked out{value, 1, false};
        QJsonObject copy;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            if (!nameMap && isLiteralKey(key)) {
                ++out.size;
                continue;
            }
            const QJsonValue child = it.value();
            if (!child.isObject() && !child.isArray()) {
                ++out.size;
                continue;
            }
            const Seg seg{at, key};
            const Walked w = walk(child, &seg, depth + 1, !nameMap && isNameMapKey(key));
            out.size += w.size;
            if (w.changed) {
                if (!out.changed) {
                    copy = object;
                    out.changed = true;
                }
                copy.insert(key, w.value);
            }
        }
        spend(1, at);
        const QJsonObject &current = out.changed ? copy : object;
        if (!nameMap && current.value(QStringLiteral("allOf")).isArray()) {
            out.value = mergeAllOf(current);
            out.changed = true;
        } else if (out.changed) {
            out.value = copy;
        }
        return out;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        Walked out{value, 1, false};
        QJsonArray copy;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue child = array.at(i);
            if (!child.isObject() && !child.isArray()) {
                ++out.size;
                continue;
            }
            const Seg seg{at, QString::number(i)};
            const Walked w = walk(child, &seg, depth + 1);
            out.size += w.size;
            if (w.changed) {
                if (!out.changed) {
                    copy = array;
                    out.changed = true;
                }
                copy.replace(i, w.value);
            }
        }
        spend(1, at);
        if (out.changed)
            out.value = copy;
        return out;
    }
    return Walked{value, 1, false};
}

QJsonValue Importer::schemaOf(const QJsonValue &value, const Seg *at)
{
    if (value.isUndefined())
        return value;
    return walk(value, at, 0).value;
}

QStringList Importer::serversOf(const QJsonValue &servers, const Seg *at) const
{
    QStringList out;
    if (servers.isUndefined() || servers.isNull())
        return out;
    if (!servers.isArray())
        fail(QStringLiteral("INVALID_DOCUMENT"), QStringLiteral("servers must be an array"), at);
    for (const QJsonValue &server : servers.toArray()) {
        const QJsonObject s = server.toObject();
        QString url = s.value(QStringLiteral("url")).toString();
        const QJsonObject variables = s.value(QStringLiteral("variables")).toObject();
        for (auto it = variables.begin(); it != variables.end(); ++it) {
            url.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'),
                        textOf(it.value().toObject().value(QStringLiteral("default"))));
        }
        if (!url.isEmpty())
            out.append(url);
    }
    return out;
}

// The schema keywords of a Swagger 2.0 non-body parameter (or items object).
QJsonObject swaggerParameterSchema(const QJsonObject &p)
{
    static const char *const keys[] = {
        "type",      "format",           "items",          "collectionFormat", "default",
        "maximum",   "exclusiveMaximum", "minimum",        "exclusiveMinimum", "maxLength",
        "minLength", "pattern",          "maxItems",       "minItems",         "uniqueItems",
        "enum",      "multipleOf",       "allowEmptyValue"};
    QJsonObject schema;
    for (const char *key : keys) {
        const QString k = QLatin1String(key);
        if (p.contains(k))
            schema.insert(k, p.value(k));
    }
    if (schema.value(QStringLiteral("type")).toString() == QLatin1String("file")) {
        schema.insert(QStringLiteral("type"), QStringLiteral("string"));
        schema.insert(QStringLiteral("format"), QStringLiteral("binary"));
    }
    return schema;
}

Parameter Importer::parameterOf(const QJsonObject &p, const Seg *at)
{
    Parameter out;
    const QJsonValue name = p.value(QStringLiteral("name"));
    const QJsonValue in = p.value(QStringLiteral("in"));
    if (!name.isString() || !in.isString())
        fail(QStringLiteral("INVALID_DOCUMENT"),
             QStringLiteral("a parameter needs a name and an \"in\""), at);
    out.name = name.toString();
    out.in = in.toString();
    static const QStringList openApiIn{QStringLiteral("path"), QStringLiteral("query"),
                                       QStringLiteral("header"), QStringLiteral("cookie")};
    static const QStringList swaggerIn{QStringLiteral("path"), QStringLiteral("query"),
                                       QStringLiteral("header"), QStringLiteral("body"),
                                       QStringLiteral("formData")};
    const QStringList &allowed = m_version == SpecVersion::Swagger20 ? swaggerIn : openApiIn;
    if (!allowed.contains(out.in)) {
        fail(QStringLiteral("INVALID_DOCUMENT"),
             QStringLiteral("parameter \"%1\" is in \"%2\", which is not one of %3")
                 .arg(out.name, out.in, allowed.join(QStringLiteral(", "))),
             at);
    }
    out.required = p.value(QStringLiteral("required")).toBool() || out.in == QLatin1String("path");
    out.deprecated = p.value(QStringLiteral("deprecated")).toBool();
    out.description = p.value(QStringLiteral("description")).toString();
    out.style = p.value(QStringLiteral("style")).toString();
    if (p.value(QStringLiteral("explode")).isBool()) {
        out.explodeSet = true;
        out.explode = p.value(QStringLiteral("explode")).toBool();
    }
    if (m_version == SpecVersion::Swagger20) {
        if (out.in != QLatin1String("body")) {
            out.schema = walk(swaggerParameterSchema(p), at, 0).value.toObject();
        }
        return out;
    }
    if (p.contains(QStringLiteral("schema"))) {
        const Seg seg{at, QStringLiteral("schema")};
        out.schema = schemaOf(p.value(QStringLiteral("schema")), &seg).toObject();
    } else if (p.value(QStringLiteral("content")).isObject()) {
        const Seg seg{at, QStringLiteral("content")};
        const QList<MediaType> content = contentOf(p.value(QStringLiteral("content")), &seg);
        if (!content.isEmpty())
            out.schema = content.first().schema.toObject();
    }
    return out;
}

QList<Parameter> Importer::parametersOf(const QJsonValue &list, const Seg *at,
                                        QList<QJsonObject> *body)
{
    QList<Parameter> out;
    if (list.isUndefined() || list.isNull())
        return out;
    if (!list.isArray())
        fail(QStringLiteral("INVALID_DOCUMENT"), QStringLiteral("parameters must be an array"), at);
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Seg seg{at, QString::number(i)};
        Seg target;
        const QJsonObject p = deref(array.at(i), &seg, "a parameter", &target);
        const Seg *where = target.key.isEmpty() && !target.absolute ? &seg : &target;
        Parameter parameter = parameterOf(p, where);
        if (parameter.in == QLatin1String("body") || parameter.in == QLatin1String("formData")) {
            QJsonObject raw = p;
            raw.insert(QStringLiteral("x-hivemind-pointer"), pointerOf(where));
            body->append(raw);
            continue;
        }
        out.append(std::move(parameter));
    }
    return out;
}

QList<MediaType> Importer::contentOf(const QJsonValue &content, const Seg *at)
{
    QList<MediaType> out;
    if (content.isUndefined() || content.isNull())
        return out;
    if (!content.isObject())
        fail(QStringLiteral("INVALID_DOCUMENT"), QStringLiteral("content must be an object"), at);
    const QJsonObject object = content.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const Seg seg{at, it.key()};
        if (!it.value().isObject())
            fail(QStringLiteral("INVALID_DOCUMENT"),
                 QStringLiteral("a media type must be an object"), &seg);
        const Seg schemaSeg{&seg, QStringLiteral("schema")};
        out.append(MediaType{
            it.key(), schemaOf(it.value().toObject().value(QStringLiteral("schema")), &schemaSeg)});
    }
    return out;
}

QStringList Importer::mediaTypes(const QJsonObject &op, const char *key) const
{
    const QString k = QLatin1String(key);
    QJsonValue list = op.value(k);
    if (!list.isArray())
        list = m_root.value(k);
    QStringList out;
    for (const QJsonValue &v : list.toArray()) {
        if (v.isString() && !out.contains(v.toString()))
            out.append(v.toString());
    }
    if (out.isEmpty())
        out.append(QStringLiteral("application/json"));
    return out;
}

void Importer::swaggerBody(Endpoint &e, const QList<QJsonObject> &bodyParams, const QJsonObject &op,
                           const Seg *at)
{
    QJsonObject properties;
    QJsonArray required;
    bool anyForm = false;
    bool file = false;
    for (const QJsonObject &p : bodyParams) {
        const Seg where{nullptr, p.value(QStringLiteral("x-hivemind-pointer")).toString(), true};
        const QString name = p.value(QStringLiteral("name")).toString();
        if (p.value(QStringLiteral("in")).toString() == QLatin1String("body")) {
            e.requestBody.present = true;
            e.requestBody.required = p.value(QStringLiteral("required")).toBool();
            e.requestBody.description = p.value(QStringLiteral("description")).toString();
            const Seg schemaSeg{&where, QStringLiteral("schema")};
            const QJsonValue schema = schemaOf(p.value(QStringLiteral("schema")), &schemaSeg);
            e.requestBody.content.clear();
            for (const QString &type : mediaTypes(op, "consumes"))
                e.requestBody.content.append(MediaType{type, schema});
            return; // a body and form fields exclude each other
        }
        anyForm = true;
        QJsonObject schema = walk(swaggerParameterSchema(p), &where, 0).value.toObject();
        if (p.value(QStringLiteral("type")).toString() == QLatin1String("file"))
            file = true;
        if (p.contains(QStringLiteral("description")))
            schema.insert(QStringLiteral("description"), p.value(QStringLiteral("description")));
        properties.insert(name, schema);
        if (p.value(QStringLiteral("required")).toBool())
            required.append(name);
    }
    Q_UNUSED(at);
    if (!anyForm)
        return;
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), required);
    QStringList types;
    for (const QString &type : mediaTypes(op, "consumes")) {
        if (type.startsWith(QLatin1String("multipart/form-data")) ||
            type.startsWith(QLatin1String("application/x-www-form-urlencoded")))
            types.append(type);
    }
    if (types.isEmpty())
        types.append(file ? QStringLiteral("multipart/form-data")
                          : QStringLiteral("application/x-www-form-urlencoded"));
    e.requestBody.present = true;
    e.requestBody.required = !required.isEmpty();
    for (const QString &type : types)
        e.requestBody.content.append(MediaType{type, schema});
}

QList<Parameter> mergeParameters(const QList<Parameter> &pathLevel, const QList<Parameter> &own)
{
    QList<Parameter> out = pathLevel;
    for (const Parameter &p : own) {
        bool replaced = false;
        for (Parameter &q : out) {
            if (q.name == p.name && q.in == p.in) {
                q = p;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out.append(p);
    }
    return out;
}

QList<QJsonObject> mergeBodyParameters(const QList<QJsonObject> &pathLevel,
                                       const QList<QJsonObject> &own)
{
    QList<QJsonObject> out = pathLevel;
    for (const QJsonObject &p : own) {
        const auto same = [&](const QJsonObject &q) {
            return q.value(QStringLiteral("name")) == p.value(QStringLiteral("name")) &&
                   q.value(QStringLiteral("in")) == p.value(QStringLiteral("in"));
        };
        const auto it = std::find_if(out.begin(), out.end(), same);
        if (it != out.end())
            *it = p;
        else
            out.append(p);
    }
    return out;
}

void Importer::operation(Endpoint &e, const QJsonObject &pathItem, const QJsonObject &op,
                         const Seg *at, const QList<Parameter> &pathParams,
                         const QList<QJsonObject> &pathBody, const QStringList &pathServers)
{
    Q_UNUSED(pathItem);
    e.operationId = op.value(QStringLiteral("operationId")).toString();
    e.summary = op.value(QStringLiteral("summary")).toString();
    e.description = op.value(QStringLiteral("description")).toString();
    e.deprecated = op.value(QStringLiteral("deprecated")).toBool();
    for (const QJsonValue &tag : op.value(QStringLiteral("tags")).toArray()) {
        if (tag.isString())
            e.tags.append(tag.toString());
    }

    QList<QJsonObject> ownBody;
    const Seg paramsSeg{at, QStringLiteral("parameters")};
    const QList<Parameter> own =
        parametersOf(op.value(QStringLiteral("parameters")), &paramsSeg, &ownBody);
    e.parameters = mergeParameters(pathParams, own);

    if (m_version == SpecVersion::Swagger20) {
        swaggerBody(e, mergeBodyParameters(pathBody, ownBody), op, at);
    } else if (op.contains(QStringLiteral("requestBody"))) {
        const Seg seg{at, QStringLiteral("requestBody")};
        Seg target;
        const QJsonObject body =
            deref(op.value(QStringLiteral("requestBody")), &seg, "requestBody", &target);
        const Seg *where = target.absolute ? &target : &seg;
        e.requestBody.present = true;
        e.requestBody.required = body.value(QStringLiteral("required")).toBool();
        e.requestBody.description = body.value(QStringLiteral("description")).toString();
        const Seg contentSeg{where, QStringLiteral("content")};
        e.requestBody.content = contentOf(body.value(QStringLiteral("content")), &contentSeg);
    }

    const QJsonValue responses = op.value(QStringLiteral("responses"));
    const Seg responsesSeg{at, QStringLiteral("responses")};
    if (!responses.isUndefined() && !responses.isNull() && !responses.isObject())
        fail(QStringLiteral("INVALID_DOCUMENT"), QStringLiteral("responses must be an object"),
             &responsesSeg);
    const QJsonObject responseMap = responses.toObject();
    for (auto it = responseMap.begin(); it != responseMap.end(); ++it) {
        if (it.key().startsWith(QLatin1String("x-")))
            continue;
        const Seg seg{&responsesSeg, it.key()};
        Seg target;
        const QJsonObject r = deref(it.value(), &seg, "a response", &target);
        const Seg *where = target.absolute ? &target : &seg;
        Response response;
        response.status = it.key();
        response.description = r.value(QStringLiteral("description")).toString();
        if (m_version == SpecVersion::Swagger20) {
            if (r.contains(QStringLiteral("schema"))) {
                const Seg schemaSeg{where, QStringLiteral("schema")};
                const QJsonValue schema = schemaOf(r.value(QStringLiteral("schema")), &schemaSeg);
                for (const QString &type : mediaTypes(op, "produces"))
                    response.content.append(MediaType{type, schema});
            }
        } else {
            const Seg contentSeg{where, QStringLiteral("content")};
            response.content = contentOf(r.value(QStringLiteral("content")), &contentSeg);
        }
        const QJsonObject headers = r.value(QStringLiteral("headers")).toObject();
        for (auto h = headers.begin(); h != headers.end(); ++h) {
            const Seg headersSeg{where, QStringLiteral("headers")};
            const Seg headerSeg{&headersSeg, h.key()};
            response.headers.insert(h.key(), walk(h.value(), &headerSeg, 0).value);
        }
        e.responses.append(std::move(response));
    }

    const QJsonValue security = op.contains(QStringLiteral("security"))
                                    ? op.value(QStringLiteral("security"))
                                    : m_root.value(QStringLiteral("security"));
    if (security.isArray()) {
        e.security = security.toArray();
        e.securityDeclared = true;
    }

    if (m_version != SpecVersion::Swagger20 && op.contains(QStringLiteral("servers"))) {
        const Seg seg{at, QStringLiteral("servers")};
        e.servers = serversOf(op.value(QStringLiteral("servers")), &seg);
    } else {
        e.servers = pathServers;
    }
}

ImportedDocument Importer::run()
{
    ImportedDocument doc;
    const Seg rootSeg;
    const QJsonValue swagger = m_root.value(QStringLiteral("swagger"));
    const QJsonValue openapi = m_root.value(QStringLiteral("openapi"));
    if (!swagger.isUndefined()) {
        doc.versionText = textOf(swagger);
        if (doc.versionText != QLatin1String("2.0") && doc.versionText != QLatin1String("2")) {
            const Seg seg{&rootSeg, QStringLiteral("swagger")};
            fail(QStringLiteral("UNSUPPORTED_VERSION"),
                 QStringLiteral("Swagger version \"%1\" is not supported (2.0 is)")
                     .arg(doc.versionText),
                 &seg);
        }
        doc.versionText = QStringLiteral("2.0");
        m_version = SpecVersion::Swagger20;
    } else if (!openapi.isUndefined()) {
        doc.versionText = textOf(openapi);
        const Seg seg{&rootSeg, QStringLiteral("openapi")};
        if (doc.versionText == QLatin1String("3") || doc.versionText == QLatin1String("3.0") ||
            doc.versionText.startsWith(QLatin1String("3.0.")))
            m_version = SpecVersion::OpenApi30;
        else if (doc.versionText == QLatin1String("3.1") ||
                 doc.versionText.startsWith(QLatin1String("3.1.")))
            m_version = SpecVersion::OpenApi31;
        else
            fail(QStringLiteral("UNSUPPORTED_VERSION"),
                 QStringLiteral("OpenAPI version \"%1\" is not supported (3.0 and 3.1 are)")
                     .arg(doc.versionText),
                 &seg);
    } else {
        fail(QStringLiteral("NOT_OPENAPI"),
             QStringLiteral("neither \"openapi\" nor \"swagger\" says which specification the "
                            "document follows"),
             &rootSeg);
    }
    doc.version = m_version;

    const QJsonObject info = m_root.value(QStringLiteral("info")).toObject();
    doc.title = info.value(QStringLiteral("title")).toString();
    doc.apiVersion = textOf(info.value(QStringLiteral("version")));
    doc.description = info.value(QStringLiteral("description")).toString();

    if (m_version == SpecVersion::Swagger20) {
        const QString host = m_root.value(QStringLiteral("host")).toString();
        const QString basePath = m_root.value(QStringLiteral("basePath")).toString();
        QStringList schemes;
        for (const QJsonValue &s : m_root.value(QStringLiteral("schemes")).toArray())
            schemes.append(s.toString());
        if (host.isEmpty()) {
            doc.servers.append(basePath.isEmpty() ? QStringLiteral("/") : basePath);
        } else {
            if (schemes.isEmpty())
                schemes.append(QStringLiteral("https"));
            for (const QString &scheme : std::as_const(schemes))
                doc.servers.append(scheme + QLatin1String("://") + host + basePath);
        }
        const Seg seg{&rootSeg, QStringLiteral("securityDefinitions")};
        doc.securitySchemes =
            walk(m_root.value(QStringLiteral("securityDefinitions")), &seg, 0).value.toObject();
    } else {
        const Seg seg{&rootSeg, QStringLiteral("servers")};
        doc.servers = serversOf(m_root.value(QStringLiteral("servers")), &seg);
        const QJsonObject components = m_root.value(QStringLiteral("components")).toObject();
        const Seg cSeg{&rootSeg, QStringLiteral("components")};
        const Seg sSeg{&cSeg, QStringLiteral("securitySchemes")};
        const QJsonObject schemes = components.value(QStringLiteral("securitySchemes")).toObject();
        for (auto it = schemes.begin(); it != schemes.end(); ++it) {
            const Seg seg{&sSeg, it.key()};
            Seg target;
            doc.securitySchemes.insert(it.key(),
                                       deref(it.value(), &seg, "a security scheme", &target));
        }
    }

    const QJsonValue pathsValue = m_root.value(QStringLiteral("paths"));
    const Seg pathsSeg{&rootSeg, QStringLiteral("paths")};
    if (!pathsValue.isUndefined() && !pathsValue.isNull() && !pathsValue.isObject())
        fail(QStringLiteral("INVALID_DOCUMENT"), QStringLiteral("paths must be an object"),
             &pathsSeg);
    const QJsonObject paths = pathsValue.toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString path = it.key();
        if (path.startsWith(QLatin1String("x-")))
            continue;
        const Seg pathSeg{&pathsSeg, path};
        Seg target;
        const QJsonObject item = deref(it.value(), &pathSeg, "a path item", &target);
        const Seg *itemSeg = target.absolute ? &target : &pathSeg;

        QList<QJsonObject> pathBody;
        const Seg paramsSeg{itemSeg, QStringLiteral("parameters")};
        const QList<Parameter> pathParams =
            parametersOf(item.value(QStringLiteral("parameters")), &paramsSeg, &pathBody);
        QStringList pathServers = doc.servers;
        if (m_version != SpecVersion::Swagger20 && item.contains(QStringLiteral("servers"))) {
            const Seg seg{itemSeg, QStringLiteral("servers")};
            pathServers = serversOf(item.value(QStringLiteral("servers")), &seg);
        }
        for (const char *method : kMethods) {
            const QString m = QLatin1String(method);
            const auto op = item.constFind(m);
            if (op == item.constEnd())
                continue;
            const Seg opSeg{itemSeg, m};
            if (!op.value().isObject())
                fail(QStringLiteral("INVALID_DOCUMENT"),
                     QStringLiteral("the operation must be an object"), &opSeg);
            if (doc.endpoints.size() >= m_limits.maxEndpoints)
                fail(QStringLiteral("TOO_LARGE"),
                     QStringLiteral("the document has more than %1 operations")
                         .arg(m_limits.maxEndpoints),
                     &opSeg);
            Endpoint e;
            e.method = m.toUpper();
            e.path = path;
            operation(e, item, op.value().toObject(), &opSeg, pathParams, pathBody, pathServers);
            doc.endpoints.append(std::move(e));
        }
    }
    return doc;
}

Error toError(const ImportFailure &f)
{
    QJsonObject details{{QStringLiteral("reason"), f.reason},
                        {QStringLiteral("pointer"), f.pointer}};
    if (!f.ref.isEmpty())
        details.insert(QStringLiteral("ref"), f.ref);
    const QString where = f.pointer.isEmpty() ? QStringLiteral("/") : f.pointer;
    return Error{ErrorCode::SchemaParseError, QStringLiteral("%1 (at %2)").arg(f.message, where),
                 details};
}

} // namespace

Result<ImportedDocument> importOpenApi(const QJsonValue &document, const ImportLimits &limits)
{
    if (!document.isObject()) {
        return toError(ImportFailure{QStringLiteral("NOT_OPENAPI"),
                                     QStringLiteral("the document is not an object"), QString(),
                                     QString()});
    }
    QElapsedTimer timer;
    timer.start();
    try {
        Importer importer(document.toObject(), limits);
        ImportedDocument doc = importer.run();
        qCDebug(lcOpenApi) << "imported" << doc.title << "OpenAPI" << doc.versionText << ":"
                           << doc.endpoints.size() << "endpoints in" << timer.elapsed() << "ms";
        return doc;
    } catch (const ImportFailure &failure) {
        const Error error = toError(failure);
        qCDebug(lcOpenApi) << "import failed:" << error.message;
        return error;
    }
}

Result<ImportedDocument> importOpenApi(const QByteArray &text, TextFormat format,
                                       const ImportLimits &limits)
{
    Result<QJsonValue> parsed = readDocumentText(text, format, limits.text);
    if (!parsed.ok())
        return parsed.error();
    return importOpenApi(*parsed, limits);
}

QString importErrorReason(const Error &error)
{
    return error.details.value(QStringLiteral("reason")).toString();
}

} // namespace hm::openapi

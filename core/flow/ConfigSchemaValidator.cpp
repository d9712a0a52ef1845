#include "flow/ConfigSchemaValidator.h"

// Without this valijson reports a malformed schema by printing and calling
// abort(), which would let one bad catalogue entry kill the server. Only
// this file includes valijson, so the setting cannot differ between units.
#define VALIJSON_USE_EXCEPTIONS 1

#include <QHash>
#include <QMutex>
#include <exception>
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace hm::flow {

struct ConfigSchemaValidator::Impl
{
    valijson::Schema schema;
};

namespace {

// valijson's context is {"<root>", "[timeout]", "[1]"}; print it as
// "config.timeout" / "config[1]". A numeric member name reads as an index,
// which is close enough for a message.
QString contextPath(const std::vector<std::string> &context)
{
    QString path = QStringLiteral("config");
    for (const std::string &part : context) {
        if (part == "<root>")
            continue;
        QString token = QString::fromStdString(part);
        if (token.startsWith(QLatin1Char('[')) && token.endsWith(QLatin1Char(']')))
            token = token.mid(1, token.size() - 2);
        bool numeric = false;
        token.toLongLong(&numeric);
        if (numeric)
            path += QLatin1Char('[') + token + QLatin1Char(']');
        else
            path += QLatin1Char('.') + token;
    }
    return path;
}

} // namespace

ConfigSchemaValidator::ConfigSchemaValidator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{}

ConfigSchemaValidator::~ConfigSchemaValidator() = default;

Result<std::shared_ptr<const ConfigSchemaValidator>>
ConfigSchemaValidator::create(const QJsonObject &schema)
{
    auto impl = std::make_unique<Impl>();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::QtJsonAdapter adapter(schema);
        parser.populateSchema(adapter, impl->schema);
    } catch (const std::exception &e) {
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("unusable config schema: %1").arg(QString::fromUtf8(e.what())),
                     {}};
    }
    return std::shared_ptr<const ConfigSchemaValidator>(new ConfigSchemaValidator(std::move(impl)));
}

Result<std::shared_ptr<const ConfigSchemaValidator>>
ConfigSchemaValidator::cached(const QJsonObject &schema)
{
    // Bounded so a stream of distinct schemas (components registered and
    // replaced over months) cannot grow it without end; dropping everything
    // at the bound is crude but keeps the hit path to one lookup.
    constexpr qsizetype kLimit = 256;
    static QMutex mutex;
    static QHash<QJsonObject, Result<std::shared_ptr<const ConfigSchemaValidator>>> cache;
    {
        const QMutexLocker lock(&mutex);
        const auto found = cache.constFind(schema);
        if (found != cache.cend())
            return *found;
    }
    // Parsed outside the lock; two threads may parse the same schema once
    // each, which is harmless.
    auto created = create(schema);
    const QMutexLocker lock(&mutex);
    if (cache.size() >= kLimit)
        cache.clear();
    cache.insert(schema, created);
    return created;
}

QList<ConfigSchemaValidator::Violation>
ConfigSchemaValidator::validate(const QJsonObject &config) const
{
    QList<Violation> all;
    QList<Violation> leaves;
    try {
        valijson::Validator validator;
        valijson::ValidationResults results;
        const valijson::adapters::QtJsonAdapter target(config);
        if (validator.validate(m_impl->schema, target, &results))
            return {};
        valijson::ValidationResults::Error error;
        while (results.popError(error)) {
            Violation v{contextPath(error.context), QString::fromStdString(error.description)};
            // valijson adds a "Failed to validate ..." line for every parent
            // of a failing member; the member's own message says it all.
            if (!v.message.startsWith(QLatin1StringView("Failed to validate")))
                leaves.append(v);
            all.append(v);
        }
    } catch (const std::exception &e) {
        return {
            Violation{QStringLiteral("config"),
                      QStringLiteral("could not validate: %1").arg(QString::fromUtf8(e.what()))}};
    }
    return leaves.isEmpty() ? all : leaves;
}

} // namespace hm::flow

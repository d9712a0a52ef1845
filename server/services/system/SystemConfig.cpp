#include "server/services/system/SystemConfig.h"

#include "server/services/auth/AuthSettings.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimeZone>

namespace hm::server::system_config {
namespace {

const QString kKey = QStringLiteral("system.config");
const QString kSecurity = QStringLiteral("security");
const QString kPolicy = QStringLiteral("password_policy");
// Seed 001's single retention number: another name for
// backup_retention_daily (how many scheduled backups are kept; with the
// daily schedule, the days), never stored under its own name.
const QString kSeedRetention = QStringLiteral("backup_retention");
const QString kDailyRetention = QStringLiteral("backup_retention_daily");
const QString kRetention = QStringLiteral("retention");
// Seed 001's password_policy.max_age_days: accepted and kept in the
// server's own document (the auth module has no password expiry yet).
const QString kPasswordMaxAge = QStringLiteral("max_age_days");

enum class Kind
{
    String,
    Int,
    Bool,
    Enum,
    TimeZone
};

struct Field
{
    QString name;
    Kind kind;
    int min = 0;
    int max = 0;
    QStringList values = {};
};

const QList<Field> &topFields()
{
    static const QList<Field> fields{
        {QStringLiteral("site_name"), Kind::String, 1, 100},
        {QStringLiteral("timezone"), Kind::TimeZone},
        {QStringLiteral("log_level"),
         Kind::Enum,
         0,
         0,
         {QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARN"),
          QStringLiteral("ERROR")}},
        {QStringLiteral("api_rate_limit"), Kind::Int, 1, 1000000},
        {QStringLiteral("anonymous_rate_limit"), Kind::Int, 1, 1000000},
        // Scheduled backups (BackupScheduler): off, once a day at
        // backup_hour (server time zone), or weekly on backup_weekday
        // (1 = Monday); how many scheduled backups retention keeps.
        {QStringLiteral("backup_schedule"),
         Kind::Enum,
         0,
         0,
         {QStringLiteral("off"), QStringLiteral("daily"), QStringLiteral("weekly")}},
        {QStringLiteral("backup_hour"), Kind::Int, 0, 23},
        {QStringLiteral("backup_weekday"), Kind::Int, 1, 7},
        {QStringLiteral("backup_retention_daily"), Kind::Int, 0, 365},
        {QStringLiteral("backup_retention_weekly"), Kind::Int, 0, 520}};
    return fields;
}

const QList<Field> &securityFields()
{
    static const QList<Field> fields{
        {QStringLiteral("enable_rate_limiting"), Kind::Bool},
        {QStringLiteral("allow_private_networks"), Kind::Bool},
        {QStringLiteral("max_login_attempts"), Kind::Int, 1, 1000},
        {QStringLiteral("lockout_duration"), Kind::Int, 1, 7 * 24 * 3600}};
    return fields;
}

const QList<Field> &policyFields()
{
    static const QList<Field> fields{
        {QStringLiteral("min_length"), Kind::Int, 1, auth::PasswordPolicy::kMaxLength},
        {QStringLiteral("require_uppercase"), Kind::Bool},
        {QStringLiteral("require_lowercase"), Kind::Bool},
        {QStringLiteral("require_numbers"), Kind::Bool},
        {QStringLiteral("require_symbols"), Kind::Bool},
        {kPasswordMaxAge, Kind::Int, 0, 3650}};
    return fields;
}

// History retention (HistoryRetention): 0 = no limit. Per-flow overrides
// are the flows' own (PUT /api/v1/flows/{id}/retention).
const QList<Field> &retentionFields()
{
    static const QList<Field> fields{
        {QStringLiteral("max_age_days"), Kind::Int, 0, 36500},
        {QStringLiteral("max_executions_per_flow"), Kind::Int, 0, 1000000000},
        {QStringLiteral("max_database_mib"), Kind::Int, 0, 16 * 1024 * 1024}};
    return fields;
}

// Seed 001's spelling of two policy fields, accepted and stored canonically.
QString canonicalPolicyName(const QString &name)
{
    if (name == QLatin1String("require_digits"))
        return QStringLiteral("require_numbers");
    if (name == QLatin1String("require_special"))
        return QStringLiteral("require_symbols");
    return name;
}

const Field *findField(const QList<Field> &fields, const QString &name)
{
    for (const Field &field : fields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

// Empty when valid, else the message.
QString check(const Field &field, const QJsonValue &value)
{
    switch (field.kind) {
    case Kind::String:
        if (!value.isString())
            return QStringLiteral("must be a string");
        if (value.toString().trimmed().size() < field.min || value.toString().size() > field.max)
            return QStringLiteral("must be %1 to %2 characters").arg(field.min).arg(field.max);
        return {};
    case Kind::Int: {
        const double number = value.toDouble();
        if (!value.isDouble() || number != static_cast<double>(static_cast<qint64>(number)))
            return QStringLiteral("must be an integer");
        if (number < field.min || number > field.max)
            return QStringLiteral("must be between %1 and %2").arg(field.min).arg(field.max);
        return {};
    }
    case Kind::Bool:
        return value.isBool() ? QString() : QStringLiteral("must be true or false");
    case Kind::Enum:
        if (!value.isString() || !field.values.contains(value.toString()))
            return QStringLiteral("must be one of %1").arg(field.values.join(QStringLiteral(", ")));
        return {};
    case Kind::TimeZone:
        if (!value.isString() || !QTimeZone::isTimeZoneIdAvailable(value.toString().toLatin1()))
            return QStringLiteral("must be an IANA time zone id such as Europe/Berlin");
        return {};
    }
    return {};
}

QJsonObject errorEntry(const QString &field, const QString &message)
{
    return {{QStringLiteral("field"), field}, {QStringLiteral("message"), message}};
}

// Validates the keys of one section into `target`; errors collect.
void mergeSection(const QList<Field> &fields, const QString &prefix, const QJsonObject &patch,
                  QJsonObject &target, QJsonArray &errors, bool policy)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString name = policy ? canonicalPolicyName(it.key()) : it.key();
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        const Field *field = findField(fields, name);
        if (!field) {
            errors.append(errorEntry(path, QStringLiteral("unknown setting")));
            continue;
        }
        if (const QString problem = check(*field, it.value()); !problem.isEmpty()) {
            errors.append(errorEntry(path, problem));
            continue;
        }
        target.insert(name, it.value());
    }
}

} // namespace

QJsonObject load(store::Database &database)
{
    const auth::AuthSettings authSettings = auth::AuthSettings::load(database);
    QJsonObject document{{QStringLiteral("site_name"), QStringLiteral("HiveMind")},
                         {QStringLiteral("timezone"), QStringLiteral("UTC")},
                         {QStringLiteral("log_level"), QStringLiteral("INFO")},
                         {QStringLiteral("api_rate_limit"), 1000},
                         {QStringLiteral("anonymous_rate_limit"), 100},
                         {QStringLiteral("backup_schedule"), QStringLiteral("off")},
                         {QStringLiteral("backup_hour"), 3},
                         {QStringLiteral("backup_weekday"), 7},
                         {QStringLiteral("backup_retention_daily"), 7},
                         {QStringLiteral("backup_retention_weekly"), 4}};
    QJsonObject security{{QStringLiteral("enable_rate_limiting"), true},
                         {QStringLiteral("allow_private_networks"), false}};
    // Stored values are trusted only when they still pass validation, so a
    // hand-edited row cannot smuggle a wrong type into the limits.
    const QJsonObject stored = auth::readSetting(database, kKey).toObject();
    for (const Field &field : topFields()) {
        if (stored.contains(field.name) && check(field, stored.value(field.name)).isEmpty())
            document.insert(field.name, stored.value(field.name));
    }
    for (const QString &flag :
         {QStringLiteral("enable_rate_limiting"), QStringLiteral("allow_private_networks")}) {
        const QJsonValue storedFlag = stored.value(kSecurity).toObject().value(flag);
        if (storedFlag.isBool())
            security.insert(flag, storedFlag);
    }
    security.insert(QStringLiteral("max_login_attempts"), authSettings.lockoutMaxAttempts);
    security.insert(QStringLiteral("lockout_duration"), authSettings.lockoutDurationSeconds);
    document.insert(kSecurity, security);
    QJsonObject policy = authSettings.passwordPolicy.toJson();
    const QJsonValue maxAge = stored.value(kPolicy).toObject().value(kPasswordMaxAge);
    policy.insert(kPasswordMaxAge,
                  check(*findField(policyFields(), kPasswordMaxAge), maxAge).isEmpty() ? maxAge
                                                                                       : 0);
    document.insert(kPolicy, policy);
    document.insert(kRetention, retention(stored));
    document.insert(kSeedRetention, document.value(QStringLiteral("backup_retention_daily")));
    return document;
}

Result<QJsonObject> merge(const QJsonObject &current, const QJsonObject &patch)
{
    QJsonObject result = current;
    QJsonArray errors;
    QJsonObject top;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() == kSecurity || it.key() == kPolicy || it.key() == kRetention) {
            if (!it.value().isObject()) {
                errors.append(errorEntry(it.key(), QStringLiteral("must be an object")));
                continue;
            }
            QJsonObject section = result.value(it.key()).toObject();
            mergeSection(it.key() == kSecurity  ? securityFields()
                         : it.key() == kPolicy ? policyFields()
                                               : retentionFields(),
                         it.key(), it.value().toObject(), section, errors, it.key() == kPolicy);
            result.insert(it.key(), section);
        } else if (it.key() == kSeedRetention) {
            const QJsonValue daily = patch.value(kDailyRetention);
            if (!daily.isUndefined() && daily != it.value())
                errors.append(errorEntry(kSeedRetention,
                                         QStringLiteral("is another name for "
                                                        "backup_retention_daily: give one")));
            else
                top.insert(kDailyRetention, it.value());
        } else {
            top.insert(it.key(), it.value());
        }
    }
    mergeSection(topFields(), {}, top, result, errors, false);
    result.insert(kSeedRetention, result.value(kDailyRetention));
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("invalid system configuration: %1 %2")
                         .arg(first.value(QStringLiteral("field")).toString(),
                              first.value(QStringLiteral("message")).toString()),
                     {{QStringLiteral("field"), first.value(QStringLiteral("field"))},
                      {QStringLiteral("errors"), errors}}};
    }
    return result;
}

Status save(store::Database &database, const QJsonObject &document, const QString &updatedBy)
{
    QJsonObject own;
    for (const Field &field : topFields())
        own.insert(field.name, document.value(field.name));
    const QJsonObject security = document.value(kSecurity).toObject();
    own.insert(kSecurity,
               QJsonObject{{QStringLiteral("enable_rate_limiting"),
                            security.value(QStringLiteral("enable_rate_limiting"))},
                           {QStringLiteral("allow_private_networks"),
                            security.value(QStringLiteral("allow_private_networks")).toBool()}});
    own.insert(kPolicy, QJsonObject{{kPasswordMaxAge, document.value(kPolicy).toObject().value(
                                                          kPasswordMaxAge)}});
    own.insert(kRetention, retention(document));
    // Keep whatever else the auth module keeps under its key.
    QJsonObject lockout = auth::readSetting(database, QStringLiteral("auth.lockout")).toObject();
    lockout.insert(QStringLiteral("max_attempts"),
                   security.value(QStringLiteral("max_login_attempts")));
    lockout.insert(QStringLiteral("duration_seconds"),
                   security.value(QStringLiteral("lockout_duration")));
    const QJsonObject policy =
        auth::PasswordPolicy::fromJson(document.value(kPolicy).toObject()).toJson();

    auto transaction = database.begin();
    if (!transaction)
        return transaction.error();
    for (const auto &[key, value] : {std::pair{kKey, QJsonValue(own)},
                                     std::pair{QStringLiteral("auth.lockout"), QJsonValue(lockout)},
                                     std::pair{kPolicy, QJsonValue(policy)}}) {
        if (Status saved = auth::saveSetting(database, key, value, updatedBy); !saved)
            return saved.error(); // the transaction rolls back on destruction
    }
    return transaction.value().commit();
}

QJsonObject retention(const QJsonObject &document)
{
    // Defaults: 90 days (seed 001's max_age_days example), no count or size
    // limit.
    QJsonObject section{{QStringLiteral("max_age_days"), 90},
                        {QStringLiteral("max_executions_per_flow"), 0},
                        {QStringLiteral("max_database_mib"), 0}};
    const QJsonObject given = document.value(kRetention).toObject();
    for (const Field &field : retentionFields()) {
        if (given.contains(field.name) && check(field, given.value(field.name)).isEmpty())
            section.insert(field.name, given.value(field.name));
    }
    return section;
}

bool allowPrivateNetworks(const QJsonObject &document)
{
    return document.value(kSecurity)
        .toObject()
        .value(QStringLiteral("allow_private_networks"))
        .toBool(false);
}

RequestRateLimits::Limits rateLimits(const QJsonObject &document)
{
    RequestRateLimits::Limits limits;
    limits.enabled = document.value(kSecurity)
                         .toObject()
                         .value(QStringLiteral("enable_rate_limiting"))
                         .toBool(true);
    limits.authenticatedPerMinute = document.value(QStringLiteral("api_rate_limit")).toInt(1000);
    limits.anonymousPerMinute = document.value(QStringLiteral("anonymous_rate_limit")).toInt(100);
    return limits;
}

void applyLogLevel(const QJsonObject &document)
{
    const QString level = document.value(QStringLiteral("log_level")).toString();
    QString rules;
    if (level == QLatin1String("DEBUG"))
        rules = QStringLiteral("hivemind.*.debug=true\nhivemind.debug=true");
    else if (level == QLatin1String("WARN"))
        rules = QStringLiteral("hivemind.*.info=false\nhivemind.info=false");
    else if (level == QLatin1String("ERROR"))
        rules = QStringLiteral("hivemind.*.info=false\nhivemind.info=false\n"
                               "hivemind.*.warning=false\nhivemind.warning=false");
    QLoggingCategory::setFilterRules(rules);
}

QJsonObject jsonSchema()
{
    auto section = [](const QList<Field> &fields) {
        QJsonObject properties;
        for (const Field &field : fields) {
            QJsonObject s;
            switch (field.kind) {
            case Kind::String:
            case Kind::TimeZone:
                s = {{QStringLiteral("type"), QStringLiteral("string")}};
                break;
            case Kind::Int:
                s = {{QStringLiteral("type"), QStringLiteral("integer")},
                     {QStringLiteral("minimum"), field.min},
                     {QStringLiteral("maximum"), field.max}};
                break;
            case Kind::Bool:
                s = {{QStringLiteral("type"), QStringLiteral("boolean")}};
                break;
            case Kind::Enum:
                s = {{QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("enum"), QJsonArray::fromStringList(field.values)}};
                break;
            }
            properties.insert(field.name, s);
        }
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("properties"), properties},
                           {QStringLiteral("additionalProperties"), false}};
    };
    QJsonObject document = section(topFields());
    QJsonObject properties = document.value(QStringLiteral("properties")).toObject();
    QJsonObject alias = properties.value(kDailyRetention).toObject();
    alias.insert(QStringLiteral("description"),
                 QStringLiteral("seed 001's name for backup_retention_daily"));
    properties.insert(kSeedRetention, alias);
    properties.insert(kSecurity, section(securityFields()));
    properties.insert(kPolicy, section(policyFields()));
    properties.insert(kRetention, section(retentionFields()));
    document.insert(QStringLiteral("properties"), properties);
    return document;
}

} // namespace hm::server::system_config

#include "inspector/SchemaForm.h"

#include "flow/SchemaOrder.h"
#include "inspector/InspectorStyle.h"
#include "inspector/SchemaText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace hm::app {

namespace {

QString formCompactJson(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

std::optional<QJsonValue> formParseJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray('[' + text.toUtf8() + ']'), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

// A JSON number from text in the C locale or the user's.
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    double d = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok)
        d = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

QString formNumberText(double d)
{
    return QLocale().toString(d, 'g', QLocale::FloatingPointShortest);
}

// An example value for a string format, shown as the placeholder.
QString formatExample(const QString &format)
{
    if (format == QLatin1String("uri") || format == QLatin1String("url") ||
        format == QLatin1String("uri-reference") || format == QLatin1String("iri"))
        return QStringLiteral("https://example.com/");
    if (format == QLatin1String("email") || format == QLatin1String("idn-email"))
        return QStringLiteral("name@example.com");
    if (format == QLatin1String("date"))
        return QStringLiteral("2024-01-31");
    if (format == QLatin1String("date-time"))
        return QStringLiteral("2024-01-31T13:45:00Z");
    if (format == QLatin1String("time"))
        return QStringLiteral("13:45:00Z");
    if (format == QLatin1String("hostname") || format == QLatin1String("idn-hostname"))
        return QStringLiteral("host.example.com");
    if (format == QLatin1String("ipv4"))
        return QStringLiteral("192.0.2.10");
    if (format == QLatin1String("ipv6"))
        return QStringLiteral("2001:db8::10");
    if (format == QLatin1String("uuid"))
        return QStringLiteral("123e4567-e89b-12d3-a456-426614174000");
    return {};
}

QString defaultPlaceholder(const QJsonObject &schema)
{
    const QJsonValue d = schema.value(QStringLiteral("default"));
    if (d.isUndefined())
        return {};
    return QCoreApplication::translate("hm::app::SchemaForm", "Default: %1")
        .arg(SchemaText::valueText(d));
}

// Watches a widget's focus-out, for fields whose editors have no
// editingFinished signal.
class FocusOutWatcher final : public QObject
{
public:
    FocusOutWatcher(QWidget *watched, std::function<void()> onFocusOut)
        : QObject(watched), m_onFocusOut(std::move(onFocusOut))
    {
        watched->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::FocusOut)
            m_onFocusOut();
        return false;
    }

private:
    std::function<void()> m_onFocusOut;
};

// --- string ------------------------------------------------------------------

class TextField final : public SchemaField
{
    // tr() with the context lupdate gives this class (it has no Q_OBJECT).
    Q_DECLARE_TR_FUNCTIONS(hm::app::TextField)

public:
    TextField(SchemaForm *form, const QJsonObject &schema, const QString &path,
              const QString &caption, bool required, bool inArray)
        : SchemaField(form, schema, path, caption, required), m_inArray(inArray),
          m_edit(new QLineEdit)
    {
        m_edit->setObjectName(path);
        const QString format = schema.value(QStringLiteral("format")).toString();
        QString placeholder = defaultPlaceholder(schema);
        if (placeholder.isEmpty())
            placeholder = formatExample(format);
        m_edit->setPlaceholderText(placeholder);
        if (format == QLatin1String("password") ||
            schema.value(QStringLiteral("writeOnly")).toBool())
            m_edit->setEchoMode(QLineEdit::Password);
        QStringList hints;
        if (!format.isEmpty())
            hints.append(tr("Format: %1").arg(format));
        const int minLength = schema.value(QStringLiteral("minLength")).toInt(-1);
        const int maxLength = schema.value(QStringLiteral("maxLength")).toInt(-1);
        if (minLength > 0 && maxLength >= 0)
            hints.append(tr("From %1 to %2 characters.").arg(minLength).arg(maxLength));
        else if (maxLength >= 0)
            hints.append(tr("At most %n character(s).", nullptr, maxLength));
        else if (minLength > 0)
            hints.append(tr("At least %n character(s).", nullptr, minLength));
        connect(m_edit, &QLineEdit::textEdited, this, [this] { edited(); });
        connect(m_edit, &QLineEdit::editingFinished, this, [this] { finished(); });
        setUpChrome(m_edit, hints.join(QLatin1Char(' ')));
    }

    QJsonValue value() const override
    {
        if (m_edit->text().isEmpty() && !m_inArray)
            return QJsonValue(QJsonValue::Undefined);
        return m_edit->text();
    }
    void setValue(const QJsonValue &value) override
    {
        m_last = value;
        const QString text = value.isString() ? value.toString() : SchemaText::valueText(value);
        if (m_edit->text() != text)
            m_edit->setText(text);
    }
    void commit() override { m_last = value(); }
    QWidget *editor() const override { return m_edit; }

private:
    bool m_inArray;
    QLineEdit *m_edit;
    QJsonValue m_last;
};

// --- number, integer ----------------------------------------------------------

class NumberField final : public SchemaField
{
    // tr() with the context lupdate gives this class (it has no Q_OBJECT).
    Q_DECLARE_TR_FUNCTIONS(hm::app::NumberField)

public:
    NumberField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                const QString &caption, bool required, bool inArray)
        : SchemaField(form, schema, path, caption, required), m_inArray(inArray),
          m_integer(SchemaText::typeOf(schema) == QLatin1String("integer")), m_edit(new QLineEdit)
    {
        m_edit->setObjectName(path);
        m_edit->setPlaceholderText(defaultPlaceholder(schema));
        m_edit->setInputMethodHints(m_integer ? Qt::ImhDigitsOnly : Qt::ImhFormattedNumbersOnly);
        const QJsonValue min = schema.value(QStringLiteral("minimum"));
        const QJsonValue max = schema.value(QStringLiteral("maximum"));
        QString hint;
        if (min.isDouble() && max.isDouble())
            hint = tr("From %1 to %2.")
                       .arg(formNumberText(min.toDouble()), formNumberText(max.toDouble()));
        else if (min.isDouble())
            hint = tr("At least %1.").arg(formNumberText(min.toDouble()));
        else if (max.isDouble())
            hint = tr("At most %1.").arg(formNumberText(max.toDouble()));
        if (m_integer)
            hint = hint.isEmpty() ? tr("A whole number.") : tr("A whole number. %1").arg(hint);
        connect(m_edit, &QLineEdit::textEdited, this, [this] { edited(); });
        connect(m_edit, &QLineEdit::editingFinished, this, [this] { finished(); });
        setUpChrome(m_edit, hint);
    }

    QJsonValue value() const override
    {
        if (m_edit->text().trimmed().isEmpty())
            return m_inArray ? m_last : QJsonValue(QJsonValue::Undefined);
        const std::optional<double> d = parseNumber(m_edit->text());
        if (!d || (m_integer && *d != std::floor(*d)))
            return m_last;
        if (m_integer && std::abs(*d) < 9.0e15)
            return QJsonValue(static_cast<qint64>(*d));
        return *d;
    }
    QString parseError() const override
    {
        const QString text = m_edit->text().trimmed();
        if (text.isEmpty())
            return m_inArray ? SchemaText::expectType(m_schema) : QString();
        const std::optional<double> d = parseNumber(text);
        if (!d || (m_integer && *d != std::floor(*d)))
            return SchemaText::expectType(m_schema);
        return {};
    }
    void setValue(const QJsonValue &value) override
    {
        m_last = value;
        QString text;
        if (value.isDouble())
            text = formCompactJson(value);
        else if (!value.isUndefined())
            text = SchemaText::valueText(value);
        // The same number written another way ("1.50" for 1.5) stays as typed.
        const std::optional<double> shown = parseNumber(m_edit->text());
        if (value.isDouble() && shown && *shown == value.toDouble())
            return;
        if (m_edit->text() != text)
            m_edit->setText(text);
    }
    void commit() override
    {
        if (parseError().isEmpty())
            m_last = value();
    }
    QWidget *editor() const override { return m_edit; }

private:
    bool m_inArray;
    bool m_integer;
    QLineEdit *m_edit;
    QJsonValue m_last;
};

// --- boolean, enum ---------------------------------------------------------------

class ChoiceField final : public SchemaField
{
    // tr() with the context lupdate gives this class (it has no Q_OBJECT).
    Q_DECLARE_TR_FUNCTIONS(hm::app::ChoiceField)

public:
    ChoiceField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                const QString &caption, bool required, bool inArray)
        : SchemaField(form, schema, path, caption, required), m_inArray(inArray),
          m_combo(new QComboBox)
    {
        m_combo->setObjectName(path);
        if (schema.contains(QStringLiteral("enum"))) {
            for (const QJsonValue v : schema.value(QStringLiteral("enum")).toArray())
                m_choices.append(v);
        } else {
            m_choices = {QJsonValue(true), QJsonValue(false)};
        }
        if (!inArray)
            m_choices.prepend(QJsonValue(QJsonValue::Undefined));
        fill();
        connect(m_combo, &QComboBox::activated, this, [this] {
            edited();
            finished();
        });
        setUpChrome(m_combo);
    }

    QJsonValue value() const override
    {
        const int i = m_combo->currentIndex();
        if (i < 0)
            return QJsonValue(QJsonValue::Undefined);
        if (i < m_choices.size())
            return m_choices.at(i);
        return m_extra;
    }
    void setValue(const QJsonValue &value) override
    {
        int index = static_cast<int>(m_choices.indexOf(value));
        // A stored value the schema does not offer is shown as it is (and
        // the form says what is wrong with it).
        if (index < 0 && !value.isUndefined()) {
            m_extra = value;
            fill();
            index = static_cast<int>(m_choices.size());
        } else if (!m_extra.isUndefined()) {
            m_extra = QJsonValue(QJsonValue::Undefined);
            fill();
        }
        m_combo->setCurrentIndex(index < 0 ? 0 : index);
    }
    void commit() override {}
    QWidget *editor() const override { return m_combo; }

private:
    QString textOf(const QJsonValue &v) const
    {
        if (v.isUndefined()) {
            const QJsonValue d = m_schema.value(QStringLiteral("default"));
            return d.isUndefined() ? tr("Not set")
                                   : tr("Default (%1)").arg(SchemaText::valueText(d));
        }
        return SchemaText::valueText(v);
    }
    void fill()
    {
        const QSignalBlocker block(m_combo);
        const int current = m_combo->currentIndex();
        m_combo->clear();
        for (const QJsonValue &v : std::as_const(m_choices))
            m_combo->addItem(textOf(v));
        if (!m_extra.isUndefined())
            m_combo->addItem(SchemaText::valueText(m_extra));
        m_combo->setCurrentIndex(std::min(current, m_combo->count() - 1));
    }

    bool m_inArray;
    QComboBox *m_combo;
    QList<QJsonValue> m_choices;
    QJsonValue m_extra = QJsonValue(QJsonValue::Undefined);
};

// --- JSON for everything else ------------------------------------------------------

class JsonField final : public SchemaField
{
    // tr() with the context lupdate gives this class (it has no Q_OBJECT).
    Q_DECLARE_TR_FUNCTIONS(hm::app::JsonField)

public:
    JsonField(SchemaForm *form, const QJsonObject &schema, const QString &path,
              const QString &caption, bool required, bool inArray, bool wholeObject)
        : SchemaField(form, schema, path, caption, required), m_inArray(inArray),
          m_wholeObject(wholeObject), m_edit(new QPlainTextEdit)
    {
        m_edit->setObjectName(path);
        m_edit->setTabChangesFocus(true);
        m_edit->setPlaceholderText(defaultPlaceholder(schema));
        QFont mono = m_edit->font();
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        m_edit->setFont(mono);
        const int lines = wholeObject ? 8 : 3;
        m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * lines + 12);
        connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_loading)
                edited();
        });
        new FocusOutWatcher(m_edit, [this] { finished(); });
        setUpChrome(m_edit, wholeObject ? QString() : tr("A JSON value."));
    }

    QJsonValue value() const override
    {
        const QString text = m_edit->toPlainText().trimmed();
        if (text.isEmpty())
            return m_wholeObject ? QJsonValue(QJsonObject())
                                 : (m_inArray ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(QJsonValue::Undefined));
        const std::optional<QJsonValue> v = formParseJson(text);
        if (!v || (m_wholeObject && !v->isObject()))
            return m_last;
        return *v;
    }
    QString parseError() const override
    {
        const QString text = m_edit->toPlainText().trimmed();
        if (text.isEmpty())
            return {};
        const std::optional<QJsonValue> v = formParseJson(text);
        if (!v)
            return tr("This is not valid JSON.");
        if (m_wholeObject && !v->isObject())
            return tr("Enter a JSON object.");
        return {};
    }
    void setValue(const QJsonValue &value) override
    {
        m_last = value;
        const std::optional<QJsonValue> shown = formParseJson(m_edit->toPlainText().trimmed());
        if (shown && *shown == value)
            return;
        if (value.isUndefined() && m_edit->toPlainText().trimmed().isEmpty())
            return;
        QString text;
        if (value.isObject() || value.isArray()) {
            const QJsonDocument doc =
                value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
            const bool empty =
                value.isObject() ? value.toObject().isEmpty() : value.toArray().isEmpty();
            text = QString::fromUtf8(doc.toJson(m_wholeObject && !empty ? QJsonDocument::Indented
                                                                        : QJsonDocument::Compact))
                       .trimmed();
        } else if (!value.isUndefined()) {
            text = formCompactJson(value);
        }
        m_loading = true;
        m_edit->setPlainText(text);
        m_loading = false;
    }
    void commit() override
    {
        if (parseError().isEmpty())
            m_last = value();
    }
    QWidget *editor() const override { return m_edit; }

private:
    bool m_inArray;
    bool m_wholeObject;
    bool m_loading = false;
    QPlainTextEdit *m_edit;
    QJsonValue m_last;
};

// --- object ------------------------------------------------------------------------

class ObjectField final : public SchemaField
{
    // tr() with the context lupdate gives this class (it has no Q_OBJECT).
    Q_DECLARE_TR_FUNCTIONS(hm::app::ObjectField)

public:
    ObjectField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                const QString &caption, bool required, bool root)
        : SchemaField(form, schema, path, caption, required), m_root(root)
    {
        QWidget *body = nullptr;
        QVBoxLayout *column = nullptr;
        if (root) {
            body = new QWidget;
            column = new QVBoxLayout(body);
            column->setContentsMargins(0, 0, 0, 0);
        } else {
            auto *group = new QGroupBox(caption + (required ? QStringLiteral(" *") : QString()));
            group->setObjectName(path);
            if (required)
                group->setToolTip(tr("Required"));
            column = new QVBoxLayout(group);
            column->setContentsMargins(8, 6, 8, 8);
            body = group;
        }
        column->setSpacing(10);
        m_body = body;

        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        QStringList requiredNames;
        for (const QJsonValue v : schema.value(QStringLiteral("required")).toArray())
            requiredNames.append(v.toString());
        // Required members first, in the schema's order, then the others
        // where the author put them (propertyOrder: QJsonObject sorts keys,
        // so the order of the schema's text is only known as that keyword).
        QStringList order;
        for (const QString &name : std::as_const(requiredNames)) {
            if (properties.contains(name) && !order.contains(name))
                order.append(name);
        }
        for (const QString &name : flow::schemaorder::orderedProperties(schema)) {
            if (!order.contains(name))
                order.append(name);
        }
        for (const QString &name : std::as_const(order)) {
            const QJsonObject child = properties.value(name).toObject();
            const QString title = child.value(QStringLiteral("title")).toString();
            SchemaField *field = createSchemaField(form, child, SchemaText::memberPath(path, name),
                                                   title.isEmpty() ? name : title,
                                                   requiredNames.contains(name), false);
            column->addWidget(field);
            m_children.append({name, field});
        }
        // A nested group carries its own caption; help and message go
        // around it like any field's.
        setUpChrome(body);
    }

    QJsonValue value() const override
    {
        QJsonObject object = m_base.toObject();
        for (const auto &[name, field] : m_children) {
            const QJsonValue v = field->value();
            if (v.isUndefined())
                object.remove(name);
            else
                object.insert(name, v);
        }
        if (!m_root && m_base.isUndefined() && object.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        return object;
    }
    void setValue(const QJsonValue &value) override
    {
        m_base = value;
        const QJsonObject object = value.toObject();
        for (const auto &[name, field] : m_children)
            field->setValue(object.value(name));
    }
    void commit() override
    {
        for (const auto &child : m_children)
            child.second->commit();
    }
    QList<SchemaField *> childFields() const override
    {
        QList<SchemaField *> out;
        for (const auto &child : m_children)
            out.append(child.second);
        return out;
    }
    QWidget *editor() const override
    {
        return m_children.isEmpty() ? m_body : m_children.first().second->editor();
    }

private:
    bool m_root;
    QWidget *m_body = nullptr;
    QJsonValue m_base = QJsonValue(QJsonValue::Undefined);
    QList<std::pair<QString, SchemaField *>> m_children;
};

// --- array -------------------------------------------------------------------------

class ArrayField final : public SchemaField
{
    // tr() with the context lupdate gives this class (it has no Q_OBJECT).
    Q_DECLARE_TR_FUNCTIONS(hm::app::ArrayField)

public:
    ArrayField(SchemaForm *form, const QJsonObject &schema, const QString &path,
               const QString &caption, bool required)
        : SchemaField(form, schema, path, caption, required), m_items(new QWidget),
          m_add(new QPushButton)
    {
        m_itemSchema = schema.value(QStringLiteral("items")).toObject();
        auto *box = new QWidget;
        box->setObjectName(path);
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(4);
        m_itemLayout = new QVBoxLayout(m_items);
        m_itemLayout->setContentsMargins(0, 0, 0, 0);
        m_itemLayout->setSpacing(4);
        column->addWidget(m_items);
        m_add->setObjectName(partName(path, "add"));
        m_add->setText(tr("Add Item"));
        m_add->setToolTip(tr("Add an item to %1").arg(caption));
        auto *addRow = new QHBoxLayout;
        addRow->addWidget(m_add);
        addRow->addStretch(1);
        column->addLayout(addRow);
        connect(m_add, &QPushButton::clicked, this, [this] { addItem(); });
        QString hint;
        const int minItems = schema.value(QStringLiteral("minItems")).toInt(-1);
        const int maxItems = schema.value(QStringLiteral("maxItems")).toInt(-1);
        if (minItems > 0 && maxItems >= 0)
            hint = tr("From %1 to %2 items.").arg(minItems).arg(maxItems);
        else if (maxItems >= 0)
            hint = tr("At most %n item(s).", nullptr, maxItems);
        else if (minItems > 0)
            hint = tr("At least %n item(s).", nullptr, minItems);
        setUpChrome(box, hint);
    }

    QJsonValue value() const override
    {
        if (m_base.isUndefined() && m_rows.isEmpty() && !m_touched)
            return QJsonValue(QJsonValue::Undefined);
        QJsonArray array;
        for (const Row &row : m_rows)
            array.append(row.field->value());
        return array;
    }
    void setValue(const QJsonValue &value) override
    {
        m_base = value;
        m_touched = false;
        const QJsonArray array = value.toArray();
        if (array.size() != m_rows.size())
            rebuild(static_cast<int>(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            m_rows[i].field->setValue(array.at(i));
    }
    void commit() override
    {
        for (const Row &row : m_rows)
            row.field->commit();
        m_base = value();
    }
    QList<SchemaField *> childFields() const override
    {
        QList<SchemaField *> out;
        for (const Row &row : m_rows)
            out.append(row.field);
        return out;
    }
    QWidget *editor() const override
    {
        return m_rows.isEmpty() ? m_add : m_rows.first().field->editor();
    }

private:
    struct Row
    {
        QWidget *widget;
        SchemaField *field;
    };

    QJsonValue newItem() const
    {
        const QJsonValue d = m_itemSchema.value(QStringLiteral("default"));
        if (!d.isUndefined())
            return d;
        const QString type = SchemaText::typeOf(m_itemSchema);
        if (type == QLatin1String("string"))
            return QString();
        if (type == QLatin1String("integer") || type == QLatin1String("number")) {
            // The smallest value allowed, so a new item is valid at once.
            const QJsonValue min = m_itemSchema.value(QStringLiteral("minimum"));
            return min.isDouble() ? min : QJsonValue(0);
        }
        if (type == QLatin1String("boolean"))
            return false;
        if (type == QLatin1String("object"))
            return QJsonObject();
        if (type == QLatin1String("array"))
            return QJsonArray();
        if (m_itemSchema.contains(QStringLiteral("enum")))
            return m_itemSchema.value(QStringLiteral("enum")).toArray().first();
        return QJsonValue(QJsonValue::Null);
    }

    void rebuild(int count)
    {
        for (const Row &row : std::as_const(m_rows))
            delete row.widget;
        m_rows.clear();
        for (int i = 0; i < count; ++i) {
            auto *rowWidget = new QWidget;
            auto *line = new QHBoxLayout(rowWidget);
            line->setContentsMargins(0, 0, 0, 0);
            line->setSpacing(4);
            const QString itemPath = SchemaText::itemPath(m_path, i);
            SchemaField *field =
                createSchemaField(m_form, m_itemSchema, itemPath, QString(), false, true);
            auto *remove = new QToolButton;
            remove->setObjectName(partName(itemPath, "remove"));
            remove->setText(QStringLiteral("\u00d7"));
            remove->setToolTip(tr("Remove this item"));
            remove->setAccessibleName(tr("Remove item %1").arg(i + 1));
            line->addWidget(field, 1);
            line->addWidget(remove, 0, Qt::AlignTop);
            connect(remove, &QToolButton::clicked, this, [this, i] { removeItem(i); });
            m_itemLayout->addWidget(rowWidget);
            rowWidget->show(); // now, so that the new item can take focus
            m_rows.append({rowWidget, field});
        }
    }

    void addItem()
    {
        QJsonArray array = value().toArray();
        array.append(newItem());
        rebuild(static_cast<int>(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            m_rows[i].field->setValue(array.at(i));
        m_touched = true;
        edited();
        finished();
        if (!m_rows.isEmpty())
            m_rows.last().field->editor()->setFocus();
    }

    void removeItem(int index)
    {
        QJsonArray array = value().toArray();
        if (index < 0 || index >= array.size())
            return;
        array.removeAt(index);
        // Deleting the row whose button sent the click is left to the event loop.
        for (const Row &row : std::as_const(m_rows)) {
            row.widget->hide();
            row.widget->setParent(nullptr);
            row.widget->deleteLater();
        }
        m_rows.clear();
        rebuild(static_cast<int>(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            m_rows[i].field->setValue(array.at(i));
        m_touched = true;
        edited();
        finished();
        m_add->setFocus();
    }

    QJsonObject m_itemSchema;
    QWidget *m_items;
    QVBoxLayout *m_itemLayout = nullptr;
    QPushButton *m_add;
    QList<Row> m_rows;
    QJsonValue m_base = QJsonValue(QJsonValue::Undefined);
    bool m_touched = false;
};

} // namespace

// --- SchemaField -------------------------------------------------------------------

SchemaField::SchemaField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                         const QString &caption, bool required)
    : m_form(form), m_schema(schema), m_path(path), m_caption(caption), m_required(required)
{}

QString SchemaField::partName(const QString &path, const char *part)
{
    return path + QLatin1Char('.') + QLatin1String(part);
}

void SchemaField::setUpChrome(QWidget *editorWidget, const QString &help)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(3);
    const QString description = m_schema.value(QStringLiteral("description")).toString();
    const bool group = qobject_cast<QGroupBox *>(editorWidget) != nullptr;
    if (!m_caption.isEmpty() && !group) {
        auto *caption = new QLabel(m_caption + (m_required ? QStringLiteral(" *") : QString()));
        caption->setObjectName(partName(m_path, "caption"));
        caption->setBuddy(editorWidget);
        caption->setWordWrap(true);
        if (m_required)
            caption->setToolTip(tr("Required"));
        m_layout->addWidget(caption);
    }
    m_layout->addWidget(editorWidget);
    if (!description.isEmpty())
        editorWidget->setToolTip(description);
    QStringList notes;
    if (!description.isEmpty())
        notes.append(description);
    if (!help.isEmpty())
        notes.append(help);
    // An item of a list: the list's help says it once; the item's own hints
    // go to its tooltip.
    const bool item = m_path.endsWith(QLatin1Char(']'));
    if (item && !notes.isEmpty())
        editorWidget->setToolTip(notes.join(QLatin1Char('\n')));
    if (!notes.isEmpty() && !item) {
        QLabel *helpLabel =
            inspectorstyle::makeNote(inspectorstyle::Tone::Muted, partName(m_path, "help"));
        helpLabel->setText(notes.join(QLatin1Char('\n')));
        m_layout->addWidget(helpLabel);
    }
    m_message = inspectorstyle::makeNote(inspectorstyle::Tone::Error, partName(m_path, "message"));
    m_message->hide();
    m_layout->addWidget(m_message);
}

void SchemaField::setMessage(const QString &text)
{
    if (m_message)
        inspectorstyle::showNote(m_message, text, inspectorstyle::Tone::Error);
}

QString SchemaField::message() const
{
    return m_message && !m_message->isHidden() ? m_message->text() : QString();
}

void SchemaField::edited()
{
    m_form->fieldEdited(this);
}

void SchemaField::finished()
{
    m_form->fieldFinished(this);
}

SchemaField *createSchemaField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                               const QString &caption, bool required, bool inArray)
{
    const QString type = SchemaText::typeOf(schema);
    if (schema.contains(QStringLiteral("enum")) || type == QLatin1String("boolean"))
        return new ChoiceField(form, schema, path, caption, required, inArray);
    if (type == QLatin1String("string"))
        return new TextField(form, schema, path, caption, required, inArray);
    if (type == QLatin1String("integer") || type == QLatin1String("number"))
        return new NumberField(form, schema, path, caption, required, inArray);
    if (type == QLatin1String("object") && schema.contains(QStringLiteral("properties")))
        return new ObjectField(form, schema, path, caption, required, false);
    if (type == QLatin1String("array") && schema.value(QStringLiteral("items")).isObject())
        return new ArrayField(form, schema, path, caption, required);
    return new JsonField(form, schema, path, caption, required, inArray, false);
}

// --- SchemaForm -------------------------------------------------------------------

SchemaForm::SchemaForm(QWidget *parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this)),
      m_general(
          inspectorstyle::makeNote(inspectorstyle::Tone::Error, QStringLiteral("config.general")))
{
    setObjectName(QStringLiteral("inspector.configForm"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(10);
    m_general->hide();
    m_layout->addWidget(m_general);
    rebuild();
}

SchemaForm::~SchemaForm()
{
    // Fields call back into the form while they go.
    delete m_root;
    m_root = nullptr;
}

void SchemaForm::setSchema(const QJsonObject &schema)
{
    m_schema = schema;
    m_validator.reset();
    m_schemaError.clear();
    if (!schema.isEmpty()) {
        auto created = flow::ConfigSchemaValidator::cached(schema);
        if (created)
            m_validator = *created;
        else
            m_schemaError = tr("The component's configuration schema cannot be used, so the "
                               "configuration is not checked here.");
    }
    rebuild();
}

void SchemaForm::rebuild()
{
    delete m_root;
    m_root = nullptr;
    m_gestures.reset();
    const bool structured = SchemaText::typeOf(m_schema) == QLatin1String("object") &&
                            m_schema.contains(QStringLiteral("properties"));
    if (structured)
        m_root = new ObjectField(this, m_schema, QStringLiteral("config"), QString(), false, true);
    else
        m_root = new JsonField(this, m_schema, QStringLiteral("config"), tr("Configuration (JSON)"),
                               false, false, true);
    m_layout->addWidget(m_root);
    setConfig(m_config);
}

void SchemaForm::setConfig(const QJsonObject &config)
{
    m_loading = true;
    m_config = config;
    m_gestures.reset();
    m_root->setValue(config);
    showIssues(config, nullptr, nullptr);
    m_loading = false;
}

QJsonObject SchemaForm::config() const
{
    return m_root->value().toObject();
}

QList<SchemaField *> SchemaForm::fields() const
{
    QList<SchemaField *> out;
    QList<SchemaField *> stack{m_root};
    while (!stack.isEmpty()) {
        SchemaField *f = stack.takeFirst();
        out.append(f);
        const QList<SchemaField *> children = f->childFields();
        for (auto it = children.crbegin(); it != children.crend(); ++it)
            stack.prepend(*it);
    }
    return out;
}

SchemaField *SchemaForm::field(const QString &path) const
{
    for (SchemaField *f : fields()) {
        if (f->path() == path)
            return f;
    }
    return nullptr;
}

QString SchemaForm::generalMessage() const
{
    return m_general->isHidden() ? QString() : m_general->text();
}

void SchemaForm::showIssues(const QJsonObject &config, const SchemaField *editing, bool *blocked)
{
    const QList<SchemaField *> all = fields();
    QHash<SchemaField *, QStringList> messages;
    QStringList general;
    if (!m_schemaError.isEmpty())
        general.append(m_schemaError);
    if (m_validator) {
        for (const ConfigIssue &issue :
             SchemaText::issues(m_validator->validate(config), m_schema)) {
            // The deepest field that holds the path; containers' own
            // problems (unknown members) go to the form's general message.
            SchemaField *holder = nullptr;
            for (SchemaField *f : all) {
                if (SchemaText::isWithin(issue.path, f->path()) &&
                    (!holder || f->path().size() > holder->path().size()))
                    holder = f;
            }
            if (editing && SchemaText::isWithin(issue.path, editing->path()))
                *blocked = true;
            if (!holder || holder == m_root)
                general.append(issue.message);
            else if (!messages[holder].contains(issue.message))
                messages[holder].append(issue.message);
        }
    }
    for (SchemaField *f : all) {
        // Text that does not read as a value says so first.
        const QString parse = f->parseError();
        QStringList list = messages.value(f);
        if (!parse.isEmpty())
            list.prepend(parse);
        f->setMessage(list.join(QLatin1Char('\n')));
    }
    inspectorstyle::showNote(m_general, general.join(QLatin1Char('\n')),
                             inspectorstyle::Tone::Error);
}

void SchemaForm::fieldEdited(SchemaField *field)
{
    if (m_loading)
        return;
    const int gesture = m_gestures.gestureFor(field);
    if (const QString why = field->parseError(); !why.isEmpty()) {
        field->setMessage(why);
        return;
    }
    const QJsonObject candidate = m_root->value().toObject();
    bool blocked = false;
    showIssues(candidate, field, &blocked);
    if (blocked)
        return;
    m_root->commit();
    if (candidate == m_config)
        return;
    m_config = candidate;
    emit configEdited(candidate, gesture);
}

void SchemaForm::fieldFinished(SchemaField *field)
{
    m_gestures.finish(field);
}

void SchemaForm::changeEvent(QEvent *event)
{
    // The fields' texts (hints, "Not set", buttons) are made when built.
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace hm::app

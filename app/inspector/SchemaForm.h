#pragma once

#include "flow/ConfigSchemaValidator.h"
#include "inspector/EditGestures.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPointer>
#include <QWidget>
#include <memory>

class QLabel;
class QVBoxLayout;

namespace hm::app {

class SchemaForm;

// One field of a generated config form: the editor for the value at
// `path` ("config.quality", "config.headers.accept", "config.tags[1]"),
// with its caption (a * marks required members), help text (the schema's
// description, also the tooltip; the format or range as a hint) and an
// inline message. The editor widget's objectName is the path.
class SchemaField : public QWidget
{
    Q_OBJECT

public:
    SchemaField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                const QString &caption, bool required);

    const QString &path() const { return m_path; }
    const QJsonObject &schema() const { return m_schema; }
    bool isRequired() const { return m_required; }

    // The value shown; undefined when the field is not set. Text that does
    // not read as the field's type gives the value last set (it is never
    // applied, see parseError()).
    virtual QJsonValue value() const = 0;
    // Shows a value from the model (no edit signals); undefined: not set.
    virtual void setValue(const QJsonValue &value) = 0;
    // Why the text typed cannot be a value of this field (empty: it can).
    virtual QString parseError() const { return {}; }
    // Nested fields (objects, arrays).
    virtual QList<SchemaField *> childFields() const { return {}; }
    // The widget keyboard focus goes to.
    virtual QWidget *editor() const = 0;
    // The value was applied: it becomes the one value() falls back to.
    virtual void commit() = 0;

    // The inline message under the field (empty: none).
    void setMessage(const QString &text);
    QString message() const;
    QLabel *messageLabel() const { return m_message; }
    // "config.quality" -> the widget's objectName for its parts.
    static QString partName(const QString &path, const char *part);

protected:
    // Lays out caption, `editorWidget`, help and message.
    void setUpChrome(QWidget *editorWidget, const QString &help = {});
    void edited();
    void finished();
    SchemaForm *form() const { return m_form; }

    SchemaForm *m_form;
    QJsonObject m_schema;
    QString m_path;
    QString m_caption;
    bool m_required;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_message = nullptr;
};

// A config form generated from a component's config JSON Schema (draft 7):
// string (an enum becomes a choice; format hints), number and integer
// (range hints), boolean, object (a nested group), array (a list with add
// and remove), anything else as a JSON field; required members marked,
// defaults shown as placeholders, descriptions as help text and tooltips.
//
// Every edit is validated as it is typed: text that does not read as the
// field's type, and every violation valijson (ConfigSchemaValidator) finds
// in the field, is shown under it and the value is not applied. Otherwise
// the whole config is handed on with configEdited() and a gesture number:
// one per field edit, so typing into one field is one undo step. Problems
// of other fields (a required member still empty) are shown at those
// fields and do not hold the edit back. Members the schema does not name
// are kept as they are.
class SchemaForm : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaForm(QWidget *parent = nullptr);
    ~SchemaForm() override;

    // Builds the fields. An empty schema, or one that is not an object with
    // properties, gives a single JSON field for the whole config.
    void setSchema(const QJsonObject &schema);
    const QJsonObject &schema() const { return m_schema; }
    // Shows a config from the model, and its problems.
    void setConfig(const QJsonObject &config);
    // The config the fields show (not applied text left out).
    QJsonObject config() const;

    void setGestureSource(std::function<int()> source) { m_gestures.setSource(std::move(source)); }

    SchemaField *field(const QString &path) const;
    QList<SchemaField *> fields() const; // depth first
    // The message shown for problems no field holds (unknown members ...).
    QString generalMessage() const;

    // For SchemaField.
    void fieldEdited(SchemaField *field);
    void fieldFinished(SchemaField *field);

signals:
    void configEdited(const QJsonObject &config, int gesture);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void showIssues(const QJsonObject &config, const SchemaField *editing, bool *blocked);

    QJsonObject m_schema;
    QJsonObject m_config;
    std::shared_ptr<const flow::ConfigSchemaValidator> m_validator;
    QString m_schemaError;
    QVBoxLayout *m_layout;
    QLabel *m_general;
    SchemaField *m_root = nullptr;
    EditGestures m_gestures;
    bool m_loading = false;
};

// Fields the form makes; exposed for tests and for reuse.
SchemaField *createSchemaField(SchemaForm *form, const QJsonObject &schema, const QString &path,
                               const QString &caption, bool required, bool inArray);

} // namespace hm::app

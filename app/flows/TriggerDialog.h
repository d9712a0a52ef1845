#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace hm::client {
struct TriggerOptions;
}

namespace hm::app {

class FlowGraphModel;
class TriggerOptionsBox;

// Run a flow (Run… in the Flows section): which version, and the trigger
// inputs as a JSON object, prefilled with every $.trigger field the flow's
// input mappings (and its concurrency scope key) read. The JSON is checked
// as it is typed; Run stays disabled while it is not an object. Below
// them, collapsed, the per-call options (TriggerOptionsBox: priority,
// timeout, callback). Shown through DialogSeam::exec; the caller triggers
// with triggerOptions().
class TriggerDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TriggerDialog(const QString &flowName, QWidget *parent = nullptr);

    // The versions to offer: the published one (empty: none is) and the
    // latest saved one, which is offered too when it is not the published.
    void setVersions(const QString &published, const QString &latest);
    void setInputs(const QJsonObject &inputs);
    // A remark under the introduction (e.g. that unsaved edits do not run).
    void setNote(const QString &note);

    // Valid only while inputsValid().
    QJsonObject inputs() const;
    bool inputsValid() const { return m_valid; }
    // The version to run; empty means the published one.
    QString version() const;
    // The flow's own timeout, the most the options' override may be.
    void setFlowTimeoutMs(qint64 ms);
    // Inputs, version and the options that were set: what to send.
    client::TriggerOptions triggerOptions() const;
    TriggerOptionsBox *optionsBox() const { return m_options; }

    // {field: placeholder} for each $.trigger path the flow reads, nested
    // for paths like $.trigger.order.id; placeholders by the input's port
    // type ("" for strings, 0, false, {}, []).
    static QJsonObject inputsTemplate(const FlowGraphModel &model);
    // The model's flow timeout (settings timeout.flowTimeoutMs, else the
    // default).
    static qint64 flowTimeoutMs(const FlowGraphModel &model);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void validate();

    QString m_flowName;
    QString m_published;
    QString m_latest;
    QLabel *m_intro;
    QLabel *m_note;
    QLabel *m_versionLabel;
    QComboBox *m_version;
    QLabel *m_inputsLabel;
    QPlainTextEdit *m_inputs;
    TriggerOptionsBox *m_options;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_valid = true;
};

} // namespace hm::app

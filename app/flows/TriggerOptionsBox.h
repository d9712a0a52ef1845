#pragma once

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace hm::client {
struct TriggerOptions;
}

namespace hm::app {

// The "Options" of the trigger dialog (docs/api.md "Trigger options"),
// collapsed until opened: the priority in a queue (normal, low, high or a
// number -100..100), a timeout shorter than the flow's own, and a callback
// URL with the secret that signs its POST. The URL is checked as it is
// typed (http or https, a host, no user name or fragment); a secret of 16
// to 256 bytes is needed with it, so the receiver can check the signature
// (a secret the server would make is shown only in its answer, which the
// console does not keep). The secret is a password field: never shown,
// never kept after the dialog. Only what was set is sent. Widgets are
// named `flows.trigger.<field>` (optionsToggle, options, priority,
// customPriority, timeout, callbackUrl, callbackUrlError, callbackSecret,
// callbackSecretError).
class TriggerOptionsBox final : public QWidget
{
    Q_OBJECT

public:
    explicit TriggerOptionsBox(QWidget *parent = nullptr);

    // The flow's own timeout, the most the override may be (0: not known;
    // the server checks either way).
    void setFlowTimeoutMs(qint64 ms);
    bool isExpanded() const;
    void setExpanded(bool expanded);

    // Empty while what is typed can be sent; else what is wrong.
    QString problem() const { return m_problem; }
    // Adds what was set to `options`.
    void applyTo(client::TriggerOptions &options) const;

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void validate();
    int priority() const;

    qint64 m_flowTimeoutMs = 0;
    QString m_problem;
    QToolButton *m_toggle;
    QWidget *m_body;
    QFormLayout *m_form;
    QLabel *m_priorityLabel;
    QComboBox *m_priority;
    QSpinBox *m_customPriority;
    QLabel *m_timeoutLabel;
    QSpinBox *m_timeout;
    QLabel *m_timeoutHint;
    QLabel *m_urlLabel;
    QLineEdit *m_url;
    QLabel *m_urlError;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QLabel *m_secretError;
};

} // namespace hm::app

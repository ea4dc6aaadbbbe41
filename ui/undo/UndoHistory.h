#pragma once

#include "core/Result.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

namespace crm {

class Database;
class Session;

// The signed-in user's undo history (Edit > Undo, Ctrl+Z): one QUndoStack per session. A step is a
// change that was just made, with a job that reverts it and one that makes it again; both run on the
// session's worker, so the database work stays off the GUI thread and runs in order after the change
// itself. The jobs go through the core services like any edit: permissions and optimistic versions are
// checked again, and a step the store refuses (someone changed the record meanwhile) changes nothing.
// The history is then cleared, since the steps below it may build on the refused one, and failed()
// says why.
class UndoHistory : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<Status(Database &)>;

    explicit UndoHistory(Session &session, QObject *parent = nullptr);

    QUndoStack *stack() { return &m_stack; }
    // Records a change that has just been made: `undo` reverts it, `redo` makes it again. `text` names
    // it for the menu ("Move “ERP” to Proposal").
    void push(const QString &text, Job undo, Job redo);
    // Jobs posted and not yet answered.
    bool isBusy() const { return m_running > 0; }

Q_SIGNALS:
    void failed(const QString &message);
    // A job was answered (ok or not).
    void finished(bool ok);

private:
    friend class UndoJobCommand;
    void run(const Job &job);

    Session &m_session;
    QUndoStack m_stack;
    int m_running = 0;
};

} // namespace crm

//! A part of the workspace that views read, tracked on its own: the files, the policy, the
//! banners' state. The shell notifies a slice when an event changed its part (see
//! `AppState::act`).

use leptos::prelude::*;

use crate::workspace::Workspace;

/// A part of the workspace a view reads: `with` and `get` track it, so the view is drawn again
/// when an event changes that part (and not when another part changes).
pub struct Slice<T: ?Sized + 'static> {
    pub(super) ws: StoredValue<Workspace, LocalStorage>,
    pub(super) changed: Trigger,
    pub(super) part: fn(&Workspace) -> &T,
}

impl<T: ?Sized + 'static> Clone for Slice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized + 'static> Copy for Slice<T> {}

impl<T: ?Sized + 'static> Slice<T> {
    /// Reads the part, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.changed.track();
        self.with_untracked(f)
    }

    /// Reads the part without tracking it (in an event handler).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        let part = self.part;
        self.ws.with_value(|w| f(part(w)))
    }

    /// Only tracks the part.
    pub fn track(&self) {
        self.changed.track();
    }
}

impl<T: ?Sized + ToOwned + 'static> Slice<T> {
    /// A copy of the part, tracking it.
    pub fn get(&self) -> T::Owned {
        self.with(ToOwned::to_owned)
    }

    /// A copy of the part, without tracking it.
    pub fn get_untracked(&self) -> T::Owned {
        self.with_untracked(ToOwned::to_owned)
    }
}

// Hand-written compile-only stub (credentials 1415.v831096eb_5534, common.IdCredentials).
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface IdCredentials extends Credentials {
    String getId();
}

// Hand-written compile-only stub (credentials 1415.v831096eb_5534, domains.DomainRequirement).
package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

public class DomainRequirement implements Serializable {
    private static final long serialVersionUID = 1L;
}

// Hand-written. Not a Jenkins type: the parameter of the constructors the stubs add so stub subclasses can chain to
// their stub superclasses. No real Jenkins class has such a constructor, so plugin code that called one would not
// compile in the -Pjenkins build (and jenkins-realcheck reports it).
package io.jenkins.plugins.devspacebuild.stubs;

public final class StubOnly {
    private StubOnly() {
    }
}

package vn.docket.platform.users;

/**
 * What an administrator types to add a person; checked by {@link UserAccounts}. The role is text so a
 * wrong one is answered as a broken rule naming the valid roles, not as unreadable JSON.
 */
public record NewUser(String id, String name, String unit, String role, String password) {

    @Override
    public String toString() {
        return "NewUser[" + id + ", " + role + "]"; // never the password
    }
}
